import type { Localized } from '../../../core/plugin/index.js';
/** Punctuality of one department over the period's discipline checks. */
export interface DepartmentPunctuality {
  readonly department: string;
  readonly checks: number;
  readonly expected: number;
  readonly onLeave: number;
  readonly onTime: number;
  /** Σ (expected − on leave) over the checks. */
  readonly denominator: number;
  /** Σ on time / Σ denominator; null when nobody was due at work. */
  readonly rate: number | null;
  /** The target of the department's latest check (default 0.98). */
  readonly target: number;
  /** Rate at or above target (exact comparison in basis points); null without a rate. */
  readonly met: boolean | null;
  readonly checksBelowTarget: number;
}

/** Violations counted by kind (the attendance status recorded). */
export interface ViolationCounts {
  readonly late: number;
  readonly left_early: number;
  readonly away_from_post: number;
  readonly total: number;
}

/** What followed an absence from a duty post (值班不在岗). */
export interface DutyPostAbsence {
  readonly findingId: string;
  readonly department: string;
  readonly post: string;
  /** The post's name from the org (the id when the org does not know it). */
  readonly postName: Localized;
  /** Who was on the rota for the post, when the inspection named them. */
  readonly person: string | null;
  /** The person's name from the org, when a person was named. */
  readonly personName: Localized | null;
  readonly foundAt: string;
  /** True when the absence was found at a re-inspection (found again). */
  readonly atReinspection: boolean;
  readonly findingStatus: string;
  /** The corrective meeting (专题会议) the finding started: held, overdue, pending, or none started. */
  readonly meeting: 'held' | 'overdue' | 'pending' | 'none';
  readonly meetingHeldAt: string | null;
  /** A self-criticism (检讨) was among the meeting's statements. */
  readonly selfCriticism: boolean;
  /** The re-inspection of the post: present (passed), absent again, or not done yet. */
  readonly reinspection: 'passed' | 'absent-again' | 'pending';
  readonly reinspectedAt: string | null;
}

/** The discipline figures of a period (discipline checks and duty-post inspections). */
export interface DisciplineFigures {
  readonly punctuality: {
    readonly checks: number;
    readonly onTime: number;
    readonly denominator: number;
    readonly rate: number | null;
    /** The hospital's target (config `punctualityTarget`, default 0.98). */
    readonly target: number;
    readonly departmentsMet: number;
    readonly departmentsBelow: number;
    readonly byDepartment: readonly DepartmentPunctuality[];
  };
  readonly violations: {
    readonly byKind: ViolationCounts;
    readonly byDepartment: readonly (ViolationCounts & { readonly department: string })[];
  };
  readonly dutyPost: {
    readonly inspections: number;
    /** Posts checked at first inspections (re-inspections not counted again). */
    readonly postsChecked: number;
    readonly absences: number;
    readonly meetingsHeld: number;
    readonly selfCriticisms: number;
    readonly reinspectionsPassed: number;
    readonly reinspectionsAbsentAgain: number;
    readonly reinspectionsPending: number;
    readonly handoverIncomplete: number;
    readonly workLogMissing: number;
    readonly absenceList: readonly DutyPostAbsence[];
  };
}
