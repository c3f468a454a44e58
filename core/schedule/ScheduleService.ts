import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { inject, injectable } from 'tsyringe';
import type { AccessControl } from '../access/AccessControl.js';
import { isRefusal, refusalError } from '../access/refusals.js';
import { actorId, type ActorLike } from '../actor/Actor.js';
import { appendAudit } from '../audit/appendAudit.js';
import type { Clock } from '../clock/Clock.js';
import { TOKENS } from '../container/tokens.js';
import { DubanError, isDubanError } from '../errors/DubanError.js';
import type { Logger } from '../runtime/Logger.js';
import type { Settings } from '../runtime/Settings.js';
import type { Db, Store } from '../store/Store.js';
import { newId } from '../util/newId.js';
import { ChainRegistry } from '../workflow/ChainRegistry.js';
import { checkFormReferences } from '../org/checkFormReferences.js';
import { formError } from '../workflow/formError.js';
import type { FormSpec } from '../kernel/formFields.js';
import { checkStartChainAction } from './checkStartChainAction.js';
import { compileCron } from './cronClock.js';
import { fireSchedule } from './fireSchedule.js';
import { occurrenceSource } from './occurrenceSource.js';
import { parseScheduleInput } from './parseScheduleInput.js';
import { toScheduleView, type ScheduleRow } from './scheduleRows.js';
import type { Occurrence, ScheduleInput, SchedulePass, ScheduleView } from './ScheduleTypes.js';

/** The org references of a notification target, checked like a form's. */
const NOTIFY_TARGET_FORM: FormSpec = {
  person: { type: 'person', label: { 'zh-CN': '人员', en: 'Person' } },
  department: { type: 'department', label: { 'zh-CN': '科室', en: 'Department' } },
};

/** Occurrences fired more than this after their instant count as missed (at least). */
export const MISSED_AFTER_MS = 60_000;

/** The most fire times `upcoming` lists at once. */
export const MAX_UPCOMING = 500;

/**
 * Cron schedules: define, pause, resume, remove, preview, and fire what is due. Each
 * occurrence (schedule id + scheduled instant) is claimed exactly once across processes:
 * the claim is a compare-and-set of the schedule's stored next instant (after
 * `FOR UPDATE SKIP LOCKED` on PostgreSQL), in the same transaction as the occurrence's
 * row (its primary key is the occurrence id), its outbox row and its audit row.
 */
@injectable()
export class ScheduleService {
  constructor(
    @inject(TOKENS.Store) private readonly store: Store,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.ChainRegistry) private readonly chains: ChainRegistry,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Settings) private readonly settings: Settings,
    @inject(TOKENS.Access) private readonly access: AccessControl,
  ) {}

  /**
   * Adds a schedule. Its next occurrence is the first strictly after now.
   *
   * @throws DubanError `INPUT_INVALID` naming the field (bad cron expression, unknown
   * time zone, bad window, unknown chain, chain input not matching the chain's form,
   * id taken); `NOT_ALLOWED` / `UNKNOWN_PERSON`. Nothing is written on any of them but
   * the audit row of a refused attempt.
   */
  async add(raw: ScheduleInput, actor: ActorLike): Promise<ScheduleView> {
    const now = this.clock.now();
    const { input, action, clock } = parseScheduleInput(raw, this.settings.timeZone, now);
    if (action.kind === 'startChain') await checkStartChainAction(this.chains, action, this.store.db);
    const id = input.id ?? newId('s', now);
    const seed = randomBytes(4).readUInt32BE(0);
    const next = input.paused ? undefined : firstAfter(occurrenceSource(id, clock, input.window ?? null, seed), now);
    await this.guarded(actor, 'add a schedule', id, async (trx) => {
      // Whom a reminder or digest goes to must exist in the org: otherwise it reaches nobody, silently.
      if (action.kind !== 'startChain') {
        const problems = await checkFormReferences(trx, NOTIFY_TARGET_FORM, action.to);
        if (problems.length > 0) throw formError('INPUT_INVALID', 'action.to', problems);
      }
      const taken = await trx.selectFrom('schedules').select('id').where('id', '=', id).executeTakeFirst();
      if (taken) throw new DubanError('INPUT_INVALID', `id: a schedule "${id}" exists already`, { place: { path: 'id' } });
      await trx
        .insertInto('schedules')
        .values({
          id,
          name_zh: input.name['zh-CN'],
          name_en: input.name.en,
          cron: input.cron,
          time_zone: input.timeZone,
          action: JSON.stringify(action),
          window_from: input.window?.from ?? null,
          window_to: input.window?.to ?? null,
          seed,
          missed_policy: input.missedPolicy,
          catch_up_cap: input.catchUpCap,
          status: input.paused ? 'paused' : 'active',
          next_at: next?.scheduledAt.toISOString() ?? null,
          next_fire_at: next?.fireAt.toISOString() ?? null,
          last_fired_at: null,
          skipped_total: 0,
          created_by: actorId(actor),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      await this.audit(trx, actor, 'schedule.added', { schedule: id, ...input, action });
    });
    return this.get(id);
  }

  /** All schedules, by id. */
  async list(): Promise<ScheduleView[]> {
    const rows = await this.store.db.selectFrom('schedules').selectAll().orderBy('id').execute();
    return rows.map(toScheduleView);
  }

  /** One schedule. @throws DubanError `NOT_FOUND`. */
  async get(id: string): Promise<ScheduleView> {
    return toScheduleView(await this.row(id));
  }

  /** Pauses a schedule: no occurrence fires until it is resumed. @throws DubanError `NOT_FOUND`, `NOT_ALLOWED`. */
  async pause(id: string, actor: ActorLike): Promise<ScheduleView> {
    const now = this.clock.now().toISOString();
    await this.guarded(actor, 'pause a schedule', id, async (trx) => {
      const row = await this.row(id, trx);
      if (row.status === 'paused') return;
      await trx.updateTable('schedules').set({ status: 'paused', next_at: null, next_fire_at: null, updated_at: now }).where('id', '=', id).execute();
      await this.audit(trx, actor, 'schedule.paused', { schedule: id, nextAt: row.next_at });
    });
    return this.get(id);
  }

  /**
   * Resumes a paused schedule from now: occurrences that fell in the pause are not missed
   * runs (nobody wanted them), so the next one is the first after now.
   *
   * @throws DubanError `NOT_FOUND`, `NOT_ALLOWED`.
   */
  async resume(id: string, actor: ActorLike): Promise<ScheduleView> {
    const now = this.clock.now();
    await this.guarded(actor, 'resume a schedule', id, async (trx) => {
      const row = await this.row(id, trx);
      if (row.status === 'active') return;
      const next = firstAfter(this.sourceOf(row), now);
      await trx
        .updateTable('schedules')
        .set({
          status: 'active',
          next_at: next?.scheduledAt.toISOString() ?? null,
          next_fire_at: next?.fireAt.toISOString() ?? null,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await this.audit(trx, actor, 'schedule.resumed', { schedule: id, nextAt: next?.scheduledAt.toISOString() ?? null });
    });
    return this.get(id);
  }

  /** Removes a schedule; its fired occurrences stay in `schedule_runs`. @throws DubanError `NOT_FOUND`, `NOT_ALLOWED`. */
  async remove(id: string, actor: ActorLike): Promise<void> {
    await this.guarded(actor, 'remove a schedule', id, async (trx) => {
      const row = await this.row(id, trx);
      await trx.deleteFrom('schedules').where('id', '=', id).execute();
      await this.audit(trx, actor, 'schedule.removed', { schedule: id, definition: toScheduleView(row) });
    });
  }

  /**
   * The next `count` occurrences: from the stored next one when active, else from now
   * (what resuming would give). Fewer when the cron expression runs out.
   *
   * @throws DubanError `NOT_FOUND`; `USAGE` when count is not 1..{@link MAX_UPCOMING}.
   */
  async upcoming(id: string, count: number): Promise<Occurrence[]> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_UPCOMING) {
      throw new DubanError('USAGE', `--count: ${count} is not a whole number from 1 to ${MAX_UPCOMING}`, { place: { argument: '--count' } });
    }
    const row = await this.row(id);
    const source = this.sourceOf(row);
    const list: Occurrence[] = [];
    let at: Date | undefined = row.status === 'active' && row.next_at ? new Date(row.next_at) : source.next(this.clock.now());
    for (; at && list.length < count; at = source.next(at)) list.push(source.occurrence(at));
    return list;
  }

  /**
   * Fires every schedule due by now (stored next fire instant at or before now), applying
   * each one's missed-run policy. Safe to run from several processes at once.
   */
  async runDue(batch = 100): Promise<SchedulePass> {
    const pass = { fired: 0, late: 0, skipped: 0, claimedElsewhere: 0 };
    const seen = new Set<string>();
    for (;;) {
      const now = this.clock.now();
      const rows = await this.store.db
        .selectFrom('schedules')
        .selectAll()
        .where('status', '=', 'active')
        .where('next_fire_at', '<=', now.toISOString())
        .orderBy('next_fire_at')
        .limit(batch)
        .execute();
      let progressed = 0;
      for (const row of rows) {
        // A schedule fired in this pass whose next one is already due again (every-second
        // cron) waits for the next pass rather than starving the others.
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        let outcome;
        try {
          outcome = await fireSchedule(row, now, {
            store: this.store,
            logger: this.logger,
            missedAfterMs: Math.max(MISSED_AFTER_MS, this.settings.lateAfterMs, 2 * this.settings.pollIntervalMs),
            claimant: `${hostname()}:${process.pid}`,
          });
        } catch (error) {
          // Nothing of it was written (one transaction); the others still fire, and this
          // one is tried again on the next pass.
          this.logger.error({ schedule: row.id, err: error }, `schedule ${row.id}: firing failed, will retry`);
          continue;
        }
        if (!outcome) {
          pass.claimedElsewhere++;
          continue;
        }
        progressed++;
        pass.fired += outcome.fired;
        pass.late += outcome.late;
        pass.skipped += outcome.skipped;
      }
      if (rows.length < batch || progressed === 0) return pass;
    }
  }

  /** The earliest next fire instant of an active schedule, so `serve` can sleep until then. */
  async nextDue(): Promise<Date | undefined> {
    const row = await this.store.db
      .selectFrom('schedules')
      .select('next_fire_at')
      .where('status', '=', 'active')
      .where('next_fire_at', 'is not', null)
      .orderBy('next_fire_at')
      .limit(1)
      .executeTakeFirst();
    return row?.next_fire_at ? new Date(row.next_fire_at) : undefined;
  }

  private sourceOf(row: ScheduleRow) {
    const window = row.window_from && row.window_to ? { from: row.window_from, to: row.window_to } : null;
    return occurrenceSource(row.id, compileCron(row.cron, row.time_zone), window, Number(row.seed));
  }

  private async row(id: string, db: Db = this.store.db): Promise<ScheduleRow> {
    const row = await db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DubanError('NOT_FOUND', `no schedule "${id}"; see duban schedules list`, { place: { argument: id } });
    return row;
  }

  /** Runs a change in one transaction after the access check; a refusal leaves only its audit row. */
  private async guarded(actor: ActorLike, operation: string, id: string, change: (trx: Db) => Promise<void>): Promise<void> {
    try {
      await this.store.db.transaction().execute(async (trx) => {
        const decision = await this.access.can(actor, { operation: 'schedules.change' }, 'schedules.change', trx);
        if (!decision.allowed) throw refusalError(decision);
        await change(trx);
      });
    } catch (error) {
      if (isRefusal(error)) {
        await this.access.recordRefusal(actor, error, { event: `schedule.${operation.split(' ')[0]}`, data: { schedule: id } });
      }
      throw error;
    }
  }

  private async audit(trx: Db, actor: ActorLike, event: string, data: Record<string, unknown>): Promise<void> {
    await appendAudit(trx, this.store.dialect, {
      at: this.clock.now().toISOString(),
      actor: actorId(actor),
      instanceId: null,
      chain: null,
      event,
      stateBefore: null,
      stateAfter: null,
      data,
    });
  }
}

function firstAfter(source: ReturnType<typeof occurrenceSource>, now: Date): Occurrence | undefined {
  const at = source.next(now);
  return at ? source.occurrence(at) : undefined;
}
