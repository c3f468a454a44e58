import type { Db } from '../store/Store.js';
import { newId } from '../util/newId.js';

/** Retries of an outbox row before it becomes an incident. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** An outbox row to write. */
export interface OutboxEntry {
  readonly instanceId: string | null;
  readonly kind: string;
  readonly payload: unknown;
  readonly pluginId: string | null;
  readonly at: Date;
}

/**
 * Writes a pending outbox row inside the caller's transaction, due at once; the dispatcher
 * (the table's owner, with this module) runs it after the commit. Returns its id.
 */
export async function enqueueOutbox(trx: Db, entry: OutboxEntry): Promise<string> {
  const id = newId('o', entry.at);
  const now = entry.at.toISOString();
  await trx
    .insertInto('outbox')
    .values({
      id,
      instance_id: entry.instanceId,
      kind: entry.kind,
      payload: JSON.stringify(entry.payload),
      status: 'pending',
      attempts: 0,
      max_attempts: DEFAULT_MAX_ATTEMPTS,
      next_attempt_at: now,
      lease_until: null,
      last_error: null,
      plugin_id: entry.pluginId,
      created_at: now,
      done_at: null,
    })
    .execute();
  return id;
}
