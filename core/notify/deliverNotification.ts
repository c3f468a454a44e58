import type { Clock } from '../clock/Clock.js';
import type { Logger } from '../runtime/Logger.js';
import type { Db, Store } from '../store/Store.js';
import { deliverToInbox } from './deliverToInbox.js';
import type { Notification, NotifyChannel } from './Notification.js';
import type { NotifyConfig } from './NotifyConfig.js';
import { postWebhook } from './postWebhook.js';
import { resolveRecipients, type Recipient } from './resolveRecipients.js';

/** What {@link deliverNotification} needs. */
export interface DeliveryDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: NotifyConfig;
}

/** The outbox row a notification came from. */
export interface DeliveryJob {
  readonly id: string;
  readonly instanceId: string | null;
}

/** What one delivery attempt did, channel by channel. */
export interface DeliveryReport {
  readonly recipients: readonly Recipient[];
  readonly inboxAdded: number;
  readonly webhooksPosted: readonly string[];
}

/** The channels when neither the notification nor the config names any. */
export const DEFAULT_CHANNELS: readonly NotifyChannel[] = ['inbox', 'log'];

/**
 * Delivers one notification on each of its channels, idempotently by outbox row:
 * - inbox: one message per recipient, unique on (outbox id, person);
 * - log: one info line, recorded so a retry does not log it again;
 * - webhook: a post to each configured webhook that has not accepted this row yet
 *   (accepted posts are recorded in `notification_deliveries`), with the outbox id as
 *   `Idempotency-Key` so a receiver can drop the repeat a crash between post and record
 *   could cause.
 * Every channel is tried; if any webhook failed (or none is configured) it throws after
 * the others were delivered, so the outbox retries with back-off and only the failed
 * part is repeated.
 *
 * @throws Error naming the failed webhooks.
 */
export async function deliverNotification(deps: DeliveryDeps, job: DeliveryJob, notification: Notification): Promise<DeliveryReport> {
  const { store, clock, logger, config } = deps;
  const now = clock.now();
  const channels = new Set(notification.channels ?? config.defaultChannels ?? DEFAULT_CHANNELS);
  const recipients = await resolveRecipients(store.db, notification.to);
  if (recipients.length === 0) {
    logger.warn({ outbox: job.id, to: notification.to }, 'notification reaches nobody: no active person matches');
  }

  let inboxAdded = 0;
  if (channels.has('inbox') && recipients.length > 0) {
    inboxAdded = await store.db.transaction().execute((trx) =>
      deliverToInbox(trx, { outboxId: job.id, instanceId: job.instanceId, scheduleId: notification.schedule ?? null }, recipients, notification.message, now),
    );
  }

  if (channels.has('log') && (await recordOnce(store.db, job.id, 'log', 'log', now))) {
    logger.info(
      { outbox: job.id, instance: job.instanceId, schedule: notification.schedule, to: notification.to, recipients: recipients.map((r) => r.id), zh: notification.message['zh-CN'] },
      notification.message.en,
    );
  }

  const posted: string[] = [];
  if (channels.has('webhook')) {
    const hooks = config.webhooks ?? [];
    if (hooks.length === 0) throw new Error('the notification asks for the webhook channel, but the config names no notify.webhooks');
    const failures: string[] = [];
    for (const hook of hooks) {
      if (await delivered(store.db, job.id, 'webhook', hook.name)) continue;
      try {
        await postWebhook(hook, {
          id: job.id,
          at: now.toISOString(),
          to: notification.to,
          recipients,
          message: notification.message,
          instanceId: job.instanceId,
          schedule: notification.schedule ?? null,
        });
      } catch (error) {
        failures.push((error as Error).message);
        continue;
      }
      await recordOnce(store.db, job.id, 'webhook', hook.name, clock.now());
      posted.push(hook.name);
    }
    if (failures.length > 0) throw new Error(failures.join('; '));
  }
  return { recipients, inboxAdded, webhooksPosted: posted };
}

async function delivered(db: Db, outboxId: string, channel: string, target: string): Promise<boolean> {
  const row = await db
    .selectFrom('notification_deliveries')
    .select('outbox_id')
    .where('outbox_id', '=', outboxId)
    .where('channel', '=', channel)
    .where('target', '=', target)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a delivery; false when it was recorded before (this is a repeat). */
async function recordOnce(db: Db, outboxId: string, channel: string, target: string, at: Date): Promise<boolean> {
  const result = await db
    .insertInto('notification_deliveries')
    .values({ outbox_id: outboxId, channel, target, delivered_at: at.toISOString(), detail: null })
    .onConflict((oc) => oc.columns(['outbox_id', 'channel', 'target']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
