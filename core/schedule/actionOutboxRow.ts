import type { Notification } from '../notify/Notification.js';
import type { Occurrence, ScheduleAction } from './ScheduleTypes.js';

/** The payload of an outbox row of kind `overdueDigest`. */
export interface OverdueDigestPayload {
  readonly to: Notification['to'];
  readonly department?: string;
  readonly channels?: Notification['channels'];
  readonly schedule: string;
  readonly occurrence: string;
  /** The scheduled instant: the digest lists what was overdue then. */
  readonly at: string;
  readonly timeZone: string;
}

/**
 * The outbox row an occurrence writes, in the claim's transaction: `startChain` (the
 * core handler starts the instance with an id derived from the row id, so a rerun finds
 * it started), `notify` for a reminder, `overdueDigest` for a digest.
 */
export function actionOutboxRow(
  action: ScheduleAction,
  scheduleId: string,
  occurrence: Occurrence,
  timeZone: string,
): { kind: string; payload: unknown } {
  switch (action.kind) {
    case 'startChain':
      return { kind: 'startChain', payload: { chain: action.chain, input: action.input ?? {} } };
    case 'remind': {
      const payload: Notification = { to: action.to, message: action.message, channels: action.channels, schedule: scheduleId };
      return { kind: 'notify', payload };
    }
    case 'overdueDigest': {
      const payload: OverdueDigestPayload = {
        to: action.to,
        department: action.department,
        channels: action.channels,
        schedule: scheduleId,
        occurrence: occurrence.id,
        at: occurrence.scheduledAt.toISOString(),
        timeZone,
      };
      return { kind: 'overdueDigest', payload };
    }
  }
}
