import type { OutboxHandler } from '../runtime/OutboxHandler.js';
import { deliverNotification, type DeliveryDeps } from './deliverNotification.js';
import { parseNotification } from './Notification.js';

/** The outbox kind of notifications: the chain effect `notify` and schedule reminders. */
export const NOTIFY_KIND = 'notify';

/**
 * The outbox handler of kind `notify`, for the composition root to register. A failed
 * channel throws, so the dispatcher retries the row with back-off (its status and
 * `last_error` show it meanwhile) and opens an incident after the last attempt; a retry
 * repeats only what was not delivered.
 */
export function notifyOutboxHandler(deps: DeliveryDeps): [string, OutboxHandler] {
  return [
    NOTIFY_KIND,
    async (job) => {
      await deliverNotification(deps, { id: job.id, instanceId: job.instanceId }, parseNotification(job.payload));
    },
  ];
}
