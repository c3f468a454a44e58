import type { Localized } from '../i18n/Localized.js';
import type { Db } from '../store/Store.js';
import { newId } from '../util/newId.js';
import type { Recipient } from './resolveRecipients.js';

/** Where an inbox message came from. */
export interface InboxOrigin {
  readonly outboxId: string;
  readonly instanceId: string | null;
  readonly scheduleId: string | null;
}

/**
 * Puts a message in each recipient's inbox, in one transaction. Idempotent by outbox
 * row: the table is unique on (outbox id, person), and a second delivery of the same row
 * (a retry, a crash after the write) inserts nothing.
 *
 * @returns how many messages were new.
 */
export async function deliverToInbox(db: Db, origin: InboxOrigin, recipients: readonly Recipient[], message: Localized, at: Date): Promise<number> {
  let added = 0;
  for (const person of recipients) {
    const result = await db
      .insertInto('inbox')
      .values({
        id: newId('n', at),
        outbox_id: origin.outboxId,
        person_id: person.id,
        instance_id: origin.instanceId,
        schedule_id: origin.scheduleId,
        message_zh: message['zh-CN'],
        message_en: message.en,
        created_at: at.toISOString(),
        read_at: null,
      })
      .onConflict((oc) => oc.columns(['outbox_id', 'person_id']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}
