import type { Db } from '../store/Store.js';
import type { TimerTable } from '../store/schema.js';
import { newId } from '../util/newId.js';

/** Arms a durable timer of an instance inside the caller's transaction. */
export async function armTimer(trx: Db, timer: { instanceId: string; key: string; event: string; dueAt: Date; at: Date }): Promise<void> {
  await trx
    .insertInto('timers')
    .values({
      id: newId('t', timer.at),
      instance_id: timer.instanceId,
      timer_key: timer.key,
      event: timer.event,
      due_at: timer.dueAt.toISOString(),
      status: 'pending',
      late: 0,
      created_at: timer.at.toISOString(),
      fired_at: null,
    })
    .execute();
}

/** Cancels an instance's pending timer by key, inside the caller's transaction. */
export async function cancelTimer(trx: Db, instanceId: string, key: string, at: Date): Promise<void> {
  await trx.updateTable('timers').set({ status: 'cancelled', fired_at: at.toISOString() }).where('instance_id', '=', instanceId).where('timer_key', '=', key).where('status', '=', 'pending').execute();
}

/** An instance's first pending timer row, as stored (a template for bulk fixtures). */
export async function pendingTimerRow(db: Db, instanceId: string): Promise<TimerTable | undefined> {
  return (await db.selectFrom('timers').selectAll().where('instance_id', '=', instanceId).where('status', '=', 'pending').executeTakeFirst()) as TimerTable | undefined;
}

/** Stores timer rows as they are (bulk fixtures), 400 per statement. */
export async function insertTimerRows(trx: Db, rows: readonly TimerTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await trx.insertInto('timers').values(rows.slice(i, i + 400)).execute();
}
