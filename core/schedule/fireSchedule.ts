import { systemActor } from '../actor/Actor.js';
import { appendAudit } from '../audit/appendAudit.js';
import { enqueueOutbox } from '../runtime/enqueueOutbox.js';
import type { Logger } from '../runtime/Logger.js';
import type { Db, Store } from '../store/Store.js';
import { actionOutboxRow } from './actionOutboxRow.js';
import { collectDueOccurrences } from './collectDueOccurrences.js';
import { compileCron } from './cronClock.js';
import { occurrenceSource } from './occurrenceSource.js';
import { planCatchUp, type CatchUpPlan } from './planCatchUp.js';
import { toScheduleView, type ScheduleRow } from './scheduleRows.js';

/** What {@link fireSchedule} needs. */
export interface FireScheduleDeps {
  readonly store: Store;
  readonly logger: Logger;
  /** An occurrence fired more than this after its instant counts as missed. */
  readonly missedAfterMs: number;
  /** Who claims, recorded on each run: `host:pid`. */
  readonly claimant: string;
}

/** What firing one schedule did. */
export interface FireOutcome {
  readonly fired: number;
  readonly late: number;
  readonly skipped: number;
  readonly outboxIds: readonly string[];
}

/**
 * Fires one due schedule: works out its due occurrences and the plan for them outside
 * any transaction (the `cron` package is slow), then claims them in one transaction:
 * compare-and-set of the stored next instant (a process that lost the race changes
 * nothing), the next instant moved past them, one `schedule_runs` row per fired
 * occurrence (primary key: the occurrence id), its outbox row and its audit row, and one
 * audit row for the skipped ones. The outbox rows run after commit (`servePass`).
 *
 * @returns undefined when another process claimed the schedule first (or it was paused).
 */
export async function fireSchedule(row: ScheduleRow, now: Date, deps: FireScheduleDeps): Promise<FireOutcome | undefined> {
  if (!row.next_at) return undefined;
  const view = toScheduleView(row);
  const source = occurrenceSource(row.id, compileCron(row.cron, row.time_zone), view.window, Number(row.seed));
  const keep = view.missedPolicy === 'once' ? 1 : view.catchUpCap;
  const scan = collectDueOccurrences(source, new Date(row.next_at), now, keep);
  const plan = planCatchUp(scan, view.missedPolicy, view.catchUpCap, now, deps.missedAfterMs);
  const { store } = deps;

  const outboxIds = await store.db.transaction().execute(async (trx) => {
    if (!(await claim(trx, store, row, scan.pending, plan, now))) return undefined;
    const ids: string[] = [];
    for (const run of plan.fire) {
      const { occurrence } = run;
      const { kind, payload } = actionOutboxRow(view.action, row.id, occurrence, view.timeZone);
      const outboxId = await enqueueOutbox(trx, { instanceId: null, kind, payload, pluginId: null, at: now });
      await trx
        .insertInto('schedule_runs')
        .values({
          id: occurrence.id,
          schedule_id: row.id,
          scheduled_at: occurrence.scheduledAt.toISOString(),
          fire_at: occurrence.fireAt.toISOString(),
          seed: occurrence.seed,
          late: run.late ? 1 : 0,
          claimed_at: now.toISOString(),
          claimed_by: deps.claimant,
          outbox_id: outboxId,
        })
        .execute();
      await appendAudit(trx, store.dialect, {
        at: now.toISOString(),
        actor: systemActor('cron').id,
        instanceId: null,
        chain: null,
        event: 'schedule.fired',
        stateBefore: null,
        stateAfter: null,
        data: {
          schedule: row.id,
          occurrence: occurrence.id,
          scheduledAt: occurrence.scheduledAt.toISOString(),
          fireAt: occurrence.fireAt.toISOString(),
          seed: occurrence.seed,
          late: run.late,
          outbox: outboxId,
          kind,
        },
      });
      ids.push(outboxId);
    }
    if (plan.skipped > 0) {
      await appendAudit(trx, store.dialect, {
        at: now.toISOString(),
        actor: systemActor('cron').id,
        instanceId: null,
        chain: null,
        event: 'schedule.skipped',
        stateBefore: null,
        stateAfter: null,
        data: { schedule: row.id, policy: view.missedPolicy, cap: view.catchUpCap, skipped: plan.skipped, atLeast: plan.skippedIsLowerBound, missedSince: row.next_at },
      });
    }
    return ids;
  });
  if (!outboxIds) return undefined;
  if (plan.skipped > 0) {
    deps.logger.warn(
      { schedule: row.id, policy: view.missedPolicy, cap: view.catchUpCap, skipped: plan.skipped, atLeast: plan.skippedIsLowerBound, missedSince: row.next_at },
      `schedule ${row.id}: ${plan.skippedIsLowerBound ? 'at least ' : ''}${plan.skipped} missed occurrence(s) skipped (policy ${view.missedPolicy}, cap ${view.catchUpCap})`,
    );
  }
  return { fired: plan.fire.length, late: plan.fire.filter((r) => r.late).length, skipped: plan.skipped, outboxIds };
}

// The claim: on PostgreSQL lock the row or skip it when another process holds it; on
// both, move the stored next instant only if it is still the one this process read.
async function claim(trx: Db, store: Store, row: ScheduleRow, pending: { scheduledAt: Date; fireAt: Date } | undefined, plan: CatchUpPlan, now: Date): Promise<boolean> {
  if (store.dialect === 'postgres') {
    const locked = await trx
      .selectFrom('schedules')
      .select('id')
      .where('id', '=', row.id)
      .where('status', '=', 'active')
      .where('next_at', '=', row.next_at)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!locked) return false;
  }
  const result = await trx
    .updateTable('schedules')
    .set((eb) => ({
      next_at: pending?.scheduledAt.toISOString() ?? null,
      next_fire_at: pending?.fireAt.toISOString() ?? null,
      last_fired_at: plan.fire.length > 0 ? now.toISOString() : row.last_fired_at,
      skipped_total: eb('skipped_total', '+', plan.skipped),
      updated_at: now.toISOString(),
    }))
    .where('id', '=', row.id)
    .where('status', '=', 'active')
    .where('next_at', '=', row.next_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
