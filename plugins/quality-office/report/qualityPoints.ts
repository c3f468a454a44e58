import type { FindingCounts, FindingFigures, Severity } from '../../../core/plugin/index.js';

/**
 * The weights of the monthly quality evaluation (医疗质量与安全月评价, seed 004's 质量积分):
 * every department starts from `base` and loses points for its findings, by severity and
 * by timeliness. Config: `pluginConfig.quality-office.qualityPoints` (any part).
 */
export interface QualityPointWeights {
  readonly base: number;
  /** Per finding opened in the period, by severity. */
  readonly severity: Readonly<Record<Severity, number>>;
  /** Per finding overdue at the end of the period. */
  readonly overdue: number;
  /** Per finding closed in the period after its due date. */
  readonly closedLate: number;
  /** Per finding reopened in the period (the correction did not hold). */
  readonly reopened: number;
}

/** Default weights: a critical finding costs five minor ones; lateness and recurrence cost on top. */
export const DEFAULT_QUALITY_POINT_WEIGHTS: QualityPointWeights = {
  base: 100,
  severity: { minor: 1, major: 3, critical: 5 },
  overdue: 2,
  closedLate: 1,
  reopened: 2,
};

/** One department's evaluation. */
export interface DepartmentQualityPoints {
  /** Competition ranking: equal points share a rank, the next rank skips (1, 2, 2, 4). */
  readonly rank: number;
  readonly department: string;
  readonly points: number;
  readonly opened: Readonly<Record<Severity, number>>;
  readonly overdue: number;
  readonly closedLate: number;
  readonly reopened: number;
  /** Points lost to each cause. */
  readonly deductions: { readonly severity: number; readonly overdue: number; readonly closedLate: number; readonly reopened: number };
}

/**
 * Weights from a config value: numbers where given, defaults elsewhere.
 *
 * @throws TypeError naming the key when a given weight is not a finite number.
 */
export function qualityPointWeights(config: unknown): QualityPointWeights {
  const c = (config ?? {}) as Record<string, unknown>;
  const severity = (c.severity ?? {}) as Record<string, unknown>;
  const number = (value: unknown, fallback: number, key: string) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`qualityPoints.${key}: ${JSON.stringify(value)} is not a number`);
    return value;
  };
  const d = DEFAULT_QUALITY_POINT_WEIGHTS;
  return {
    base: number(c.base, d.base, 'base'),
    severity: {
      minor: number(severity.minor, d.severity.minor, 'severity.minor'),
      major: number(severity.major, d.severity.major, 'severity.major'),
      critical: number(severity.critical, d.severity.critical, 'severity.critical'),
    },
    overdue: number(c.overdue, d.overdue, 'overdue'),
    closedLate: number(c.closedLate, d.closedLate, 'closedLate'),
    reopened: number(c.reopened, d.reopened, 'reopened'),
  };
}

/**
 * Quality points per department from the period's findings figures, ranked best first:
 * points = base − Σ severity weight × opened − overdue weight × overdue − closed-late
 * weight × closed late − reopened weight × reopened. Departments with no finding keep the
 * base. Ties are ranked equal and listed by department id. Pure.
 *
 * @param departments the departments to rank (those of the scope); ones only in the figures are added.
 */
export function computeQualityPoints(figures: FindingFigures, departments: readonly string[], weights: QualityPointWeights = DEFAULT_QUALITY_POINT_WEIGHTS): DepartmentQualityPoints[] {
  const ids = [...new Set([...departments, ...figures.byDepartment.map((d) => d.department)])];
  const scored = ids.map((department) => {
    const cells = figures.byDepartmentAndSeverity.filter((c) => c.department === department);
    const opened = { minor: 0, major: 0, critical: 0 } as Record<Severity, number>;
    for (const c of cells) opened[c.severity] += c.opened;
    const counts = figures.byDepartment.find((d) => d.department === department) ?? ({ overdue: 0, closedLate: 0, reopened: 0 } as FindingCounts);
    const deductions = {
      severity: opened.minor * weights.severity.minor + opened.major * weights.severity.major + opened.critical * weights.severity.critical,
      overdue: counts.overdue * weights.overdue,
      closedLate: counts.closedLate * weights.closedLate,
      reopened: counts.reopened * weights.reopened,
    };
    const points = weights.base - deductions.severity - deductions.overdue - deductions.closedLate - deductions.reopened;
    return { department, points, opened, overdue: counts.overdue, closedLate: counts.closedLate, reopened: counts.reopened, deductions };
  });
  scored.sort((a, b) => b.points - a.points || (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
  // Sorted best first, so the first department with the same points holds the shared rank.
  return scored.map((s) => ({ rank: scored.findIndex((t) => t.points === s.points) + 1, ...s }));
}
