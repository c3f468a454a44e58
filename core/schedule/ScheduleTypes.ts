import type { Localized } from '../i18n/Localized.js';
import type { NotifyChannel, NotifyTarget } from '../notify/Notification.js';

/**
 * What to do with occurrences that fell due while nothing ran:
 * `skip` runs none of them, `once` runs only the latest, `all` runs every one of them up
 * to the schedule's catch-up cap (the latest ones; older ones beyond the cap are skipped).
 */
export type MissedRunPolicy = 'skip' | 'once' | 'all';

/** The missed-run policies, for validation and help texts. */
export const MISSED_RUN_POLICIES: readonly MissedRunPolicy[] = ['skip', 'once', 'all'];

/** Start a chain instance with this input (the instance is started by `system:cron`). */
export interface StartChainAction {
  readonly kind: 'startChain';
  readonly chain: string;
  readonly input?: Readonly<Record<string, unknown>>;
}

/** Remind a person, or the active people holding a role (optionally within a department). */
export interface RemindAction {
  readonly kind: 'remind';
  readonly to: NotifyTarget;
  readonly message: Localized;
  readonly channels?: readonly NotifyChannel[];
}

/** Send a digest of the findings overdue at the occurrence, optionally of one department. */
export interface OverdueDigestAction {
  readonly kind: 'overdueDigest';
  readonly to: NotifyTarget;
  readonly department?: string;
  readonly channels?: readonly NotifyChannel[];
}

/** What an occurrence does. Each becomes one outbox row, written with the claim. */
export type ScheduleAction = StartChainAction | RemindAction | OverdueDigestAction;

/**
 * A random window in local wall-clock time of the schedule's zone, `HH:mm` to `HH:mm`;
 * `to` earlier than `from` crosses midnight ("22:00" to "06:00").
 */
export interface RandomWindow {
  readonly from: string;
  readonly to: string;
}

/** What `add` accepts. Omitted fields take the defaults named on each. */
export interface ScheduleInput {
  /** Default: a generated `s-...` id. Letters, digits, `_` and `-`. */
  readonly id?: string;
  readonly name: Localized;
  /** Five fields (minute precision) or six (with seconds), as the `cron` package reads them. */
  readonly cron: string;
  /** IANA zone. Default: the setting `timeZone` (Asia/Shanghai). */
  readonly timeZone?: string;
  readonly action: ScheduleAction;
  readonly window?: RandomWindow;
  /** Default `once`. */
  readonly missedPolicy?: MissedRunPolicy;
  /** Most occurrences one catch-up runs under `all`. Default 10, at most 1000. */
  readonly catchUpCap?: number;
  /** Create it paused. */
  readonly paused?: boolean;
}

/** A schedule as readers see it. Instants are ISO 8601 in UTC. */
export interface ScheduleView {
  readonly id: string;
  readonly name: Localized;
  readonly cron: string;
  readonly timeZone: string;
  readonly action: ScheduleAction;
  readonly window: RandomWindow | null;
  readonly missedPolicy: MissedRunPolicy;
  readonly catchUpCap: number;
  readonly status: 'active' | 'paused';
  /** The scheduled instant of the next occurrence (null while paused). */
  readonly nextAt: string | null;
  /** When that occurrence fires: the drawn instant inside the window, else `nextAt`. */
  readonly nextFireAt: string | null;
  readonly lastFiredAt: string | null;
  readonly skippedTotal: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One occurrence: its id (schedule id + scheduled instant), when it is due, and its seed. */
export interface Occurrence {
  readonly id: string;
  readonly scheduledAt: Date;
  readonly fireAt: Date;
  /** The recorded seed of the window draw; null without a window. */
  readonly seed: number | null;
}

/** What one pass over due schedules did. */
export interface SchedulePass {
  /** Occurrences fired (claimed, with their effect written). */
  readonly fired: number;
  /** Of those, how many fired after their instant had been missed (catch-up). */
  readonly late: number;
  /** Missed occurrences skipped by policy or cap. */
  readonly skipped: number;
  /** Schedules another process claimed first. */
  readonly claimedElsewhere: number;
}
