import type { Severity } from './disciplineViolations.js';

/** A post to check, as the chain's input (or a re-inspection) names it. */
export interface DutyPost {
  readonly post: string;
  /** Who is on the duty rota for the post, when known. */
  readonly person?: string;
}

/** What the inspector found at one post. */
export interface DutyPostRecord {
  readonly post: string;
  readonly present: boolean;
  readonly handoverComplete: boolean;
  readonly workLogFiled: boolean;
  readonly note?: string;
}

/** The kinds of duty-post finding. */
export type DutyPostLapse = 'absent' | 'handover_incomplete' | 'work_log_missing';

/**
 * Severity of each duty-post finding. Someone on duty not at the post (值班不在岗) is "a
 * signal of danger to medical safety", the most severe discipline finding: critical, and
 * escalated at once. An incomplete handover record (交接班内容不完善) can lose a patient's
 * pending orders between shifts: major. An unfiled work log (工作日志未按日存档) is a
 * records lapse: minor.
 */
export const DUTY_POST_SEVERITY: Readonly<Record<DutyPostLapse, Severity>> = {
  absent: 'critical',
  handover_incomplete: 'major',
  work_log_missing: 'minor',
};

/** One finding of a duty-post inspection, against the post. */
export interface DutyPostFinding {
  readonly post: string;
  readonly person?: string;
  readonly lapse: DutyPostLapse;
  readonly severity: Severity;
  /** Only critical findings skip the normal due date and go up the chain at once. */
  readonly escalateNow: boolean;
  /** The finding category, `duty-post.<lapse>`. */
  readonly category: string;
  readonly note?: string;
}

/** The outcome of one round of a duty-post inspection. */
export interface DutyPostAssessment {
  readonly findings: DutyPostFinding[];
  /** The posts whose person was absent: each is re-inspected within 7 days. */
  readonly absentPosts: DutyPost[];
}

/**
 * Turns the records of one round into findings, in post order (absent, then handover,
 * then work log for each post), and lists the absent posts for re-inspection. Pure.
 */
export function assessDutyPosts(expected: readonly DutyPost[], records: readonly DutyPostRecord[]): DutyPostAssessment {
  const rota = new Map(expected.map((p) => [p.post, p.person]));
  const findings: DutyPostFinding[] = [];
  const absentPosts: DutyPost[] = [];
  for (const record of records) {
    const person = rota.get(record.post);
    const lapses: DutyPostLapse[] = [
      ...(record.present ? [] : (['absent'] as const)),
      ...(record.handoverComplete ? [] : (['handover_incomplete'] as const)),
      ...(record.workLogFiled ? [] : (['work_log_missing'] as const)),
    ];
    for (const lapse of lapses) {
      const severity = DUTY_POST_SEVERITY[lapse];
      findings.push({
        post: record.post,
        ...(person ? { person } : {}),
        lapse,
        severity,
        escalateNow: severity === 'critical',
        category: `duty-post.${lapse}`,
        ...(record.note ? { note: record.note } : {}),
      });
    }
    if (!record.present) absentPosts.push({ post: record.post, ...(person ? { person } : {}) });
  }
  return { findings, absentPosts };
}
