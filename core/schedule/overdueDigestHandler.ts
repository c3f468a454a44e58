import { deliverNotification, type DeliveryDeps } from '../notify/deliverNotification.js';
import type { OutboxHandler } from '../runtime/OutboxHandler.js';
import type { OverdueDigestPayload } from './actionOutboxRow.js';
import { composeOverdueDigest } from './composeOverdueDigest.js';
import type { OverdueDigestSource } from './OverdueDigestSource.js';

/** The outbox kind of a schedule's overdue-findings digest. */
export const OVERDUE_DIGEST_KIND = 'overdueDigest';

/**
 * The outbox handler of kind `overdueDigest`: asks the {@link OverdueDigestSource} for
 * the findings overdue at the occurrence's instant, writes the digest in both languages
 * and delivers it like any notification (same channels, same idempotency by outbox id).
 * `source` is read on each run, so the findings module may be wired after this handler.
 */
export function overdueDigestHandler(deps: DeliveryDeps, source: () => OverdueDigestSource): [string, OutboxHandler] {
  return [
    OVERDUE_DIGEST_KIND,
    async (job) => {
      const payload = job.payload as OverdueDigestPayload;
      const at = new Date(payload.at);
      const findings = await source().overdueFindings({ at, department: payload.department });
      const message = composeOverdueDigest(findings, at, payload.timeZone, payload.department);
      await deliverNotification(deps, { id: job.id, instanceId: job.instanceId }, { to: payload.to, message, channels: payload.channels, schedule: payload.schedule });
    },
  ];
}
