/** The kinds of training session the seeds name (岗前培训, 依法执业, 技术培训, 操作规程培训班). */
export const TRAINING_KINDS = ['pre-job', 'law-and-regulation', 'technical', 'procedure-workshop'] as const;

/** One of {@link TRAINING_KINDS}. */
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** The pass mark of an assessment when the plan names none. */
export const DEFAULT_PASS_MARK = 60;

/** One person's assessment score. */
export interface Score {
  readonly person: string;
  readonly score: number;
}

/** Why a person owes a make-up (补训/补考). */
export type MakeUpReason = 'absent' | 'failed' | 'not-assessed';

/** A make-up task: who, why, and the score that failed, if any. */
export interface MakeUpTask {
  readonly person: string;
  readonly reason: MakeUpReason;
  readonly score?: number;
}

/** How a make-up went. `passed`: attended and scored at least the pass mark. */
export interface MakeUpOutcome extends MakeUpTask {
  readonly attended: boolean;
  readonly makeUpScore?: number;
  readonly passed: boolean;
}

/**
 * One session as the figures read it: what was planned and, once held, what happened.
 * The training chain's archive step records one; a report builds them from instances.
 */
export interface TrainingSessionResult {
  readonly topic: string;
  readonly kind: TrainingKind;
  readonly plannedDate: string;
  /** `planned`: not held yet; `cancelled`: will not be held (still counts as planned). */
  readonly status: 'planned' | 'held' | 'cancelled';
  readonly heldOn?: string;
  /** Who was expected to attend (the roster at sign-in). */
  readonly expected: readonly string[];
  readonly present: readonly string[];
  readonly scores: readonly Score[];
  readonly passMark: number;
  readonly makeUp: readonly MakeUpOutcome[];
  /** The yearly target of people trained that the plan stated, if any. */
  readonly yearlyTarget?: number;
}
