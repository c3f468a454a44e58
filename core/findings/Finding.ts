import type { ROOT_CAUSE_CATEGORIES } from '../kernel/findingChain.js';

/** Severities, least to most severe. */
export const SEVERITIES = ['minor', 'major', 'critical'] as const;

/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** The lifecycle steps of a finding, in order. */
export const FINDING_STATUSES = ['open', 'acknowledged', 'action_planned', 'awaiting_verification', 'closed'] as const;

/** One of {@link FINDING_STATUSES}. */
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Steps in which a finding is still the department's to act on (and can be overdue). */
export const OPEN_STATUSES: readonly FindingStatus[] = ['open', 'acknowledged', 'action_planned'];

/** A finding as lists show it (one row of the read model). */
export interface FindingSummary {
  readonly id: string;
  readonly department: string;
  readonly subject: string;
  readonly subjectKind: string;
  readonly category: string;
  readonly severity: Severity;
  readonly title: { readonly 'zh-CN': string; readonly en: string };
  readonly status: FindingStatus;
  readonly assignee: string | null;
  readonly level: number;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly flagged: boolean;
  readonly openActions: number;
  readonly reopenCount: number;
  readonly source: string | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly escalatedAt: string | null;
  readonly updatedAt: string;
}

/** Corrective (removes this finding's cause) or preventive (keeps it from recurring). */
export const ACTION_KINDS = ['corrective', 'preventive'] as const;

/** One of {@link ACTION_KINDS}. */
export type ActionKind = (typeof ACTION_KINDS)[number];

/** A root-cause category: people, method, equipment, environment, management (the finding chain's ROOT_CAUSE form). */
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];

/** An action of a finding. */
export interface CorrectiveAction {
  readonly id: string;
  readonly text: string;
  /** Missing on actions planned before kinds existed: they count as corrective. */
  readonly kind?: ActionKind;
  readonly owner: string;
  readonly due: string;
  readonly status: 'open' | 'done';
  readonly doneAt?: string;
  readonly doneBy?: string;
  readonly note?: string;
  /** The corrective meeting that agreed it. */
  readonly agreedIn?: string;
}

/** A finding's root cause, as recorded. */
export interface RootCause {
  readonly category: RootCauseCategory;
  readonly text: string;
  readonly by: string;
  readonly at: string;
}

/** A request to extend a finding's due date, and the office's answer. */
export interface ExtensionRequest {
  readonly id: string;
  /** The due date asked for, YYYY-MM-DD. */
  readonly until: string;
  readonly reason: string;
  readonly status: 'requested' | 'granted' | 'refused';
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decisionReason?: string;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
}

/** One entry of a finding's timeline, drawn from the audit log. */
export interface TimelineEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  /** The logged-in person who acted on `actor`'s behalf, when it was another. */
  readonly by?: string;
  readonly event: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly data: unknown;
}

/** A finding with everything `findings show` prints. */
export interface FindingDetail extends FindingSummary {
  /** Free text the office wrote; findings recorded before `details` carry their data here as text. */
  readonly description: string | null;
  /** The recording chain's data as recorded (codes and ids); findingWords puts it in words. */
  readonly details: Readonly<Record<string, unknown>> | null;
  readonly revision: number;
  readonly actions: readonly CorrectiveAction[];
  readonly rootCause: RootCause | null;
  readonly extensions: readonly ExtensionRequest[];
  readonly notes: readonly { by: string; at: string; text: string }[];
  readonly evidence: readonly { path: string; sha256: string; by: string; at: string }[];
  readonly escalations: readonly Record<string, unknown>[];
  readonly verification: { note: string; by: string; at: string } | null;
  readonly effective: boolean | null;
  readonly timeline: readonly TimelineEntry[];
}
