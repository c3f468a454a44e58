import { inject, injectable } from 'tsyringe';
import { systemActor } from '../actor/Actor.js';
import type { Clock } from '../clock/Clock.js';
import { TOKENS } from '../container/tokens.js';
import { isDubanError } from '../errors/DubanError.js';
import { Engine } from '../runtime/Engine.js';
import type { Logger } from '../runtime/Logger.js';
import type { Settings } from '../runtime/Settings.js';
import type { Db, Store } from '../store/Store.js';

/** What one pass over due timers did. */
export interface TimerPass {
  readonly fired: number;
  readonly late: number;
  /** Timers whose step had already moved on (their event no longer accepted). */
  readonly void: number;
}

/** A pending timer, as `instances show` lists it. */
export interface PendingTimer {
  readonly id: string;
  readonly key: string;
  readonly event: string;
  readonly dueAt: string;
}

/**
 * Durable timers. A timer is a row with its absolute due instant, armed and cancelled in
 * the same transaction as the event that caused it, so it survives any restart with its
 * original deadline. Firing claims the row inside the event's own transaction
 * (compare-and-set on SQLite, `FOR UPDATE SKIP LOCKED` on PostgreSQL): exactly once, even
 * with several `duban serve` processes on one database.
 */
@injectable()
export class TimerService {
  constructor(
    @inject(TOKENS.Store) private readonly store: Store,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Engine) private readonly engine: Engine,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Settings) private readonly settings: Settings,
  ) {}

  /** Fires every timer due by now, oldest first, in batches of `batch`. */
  async fireDue(batch = 100): Promise<TimerPass> {
    const pass = { fired: 0, late: 0, void: 0 };
    for (;;) {
      const now = this.clock.now();
      const due = await this.store.db
        .selectFrom('timers')
        .select(['id', 'instance_id', 'event', 'due_at'])
        .where('status', '=', 'pending')
        .where('due_at', '<=', now.toISOString())
        .orderBy('due_at')
        .limit(batch)
        .execute();
      let progressed = 0;
      for (const outcome of await this.fire(due, now)) {
        if (outcome === 'claimed-elsewhere') continue;
        progressed++;
        if (outcome === 'void') pass.void++;
        else {
          pass.fired++;
          if (outcome === 'late') pass.late++;
        }
      }
      if (due.length < batch || progressed === 0) return pass;
    }
  }

  /** The earliest pending due instant, so a loop can sleep until then (capped by the caller). */
  async nextDue(): Promise<Date | undefined> {
    const row = await this.store.db
      .selectFrom('timers')
      .select('due_at')
      .where('status', '=', 'pending')
      .orderBy('due_at')
      .limit(1)
      .executeTakeFirst();
    return row ? new Date(row.due_at) : undefined;
  }

  /** Pending timers due before `before` (now minus the lateness, for health): how many, and the earliest due. */
  async overdue(before: Date): Promise<{ count: number; oldestDueAt: string | null }> {
    const row = await this.store.db
      .selectFrom('timers')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('due_at').as('oldest')])
      .where('status', '=', 'pending')
      .where('due_at', '<', before.toISOString())
      .executeTakeFirst();
    return { count: Number(row?.n ?? 0), oldestDueAt: (row?.oldest as string | null | undefined) ?? null };
  }

  /** The pending timers of an instance. */
  async pendingFor(instanceId: string): Promise<PendingTimer[]> {
    const rows = await this.store.db
      .selectFrom('timers')
      .select(['id', 'timer_key', 'event', 'due_at'])
      .where('instance_id', '=', instanceId)
      .where('status', '=', 'pending')
      .orderBy('due_at')
      .execute();
    return rows.map((r) => ({ id: r.id, key: r.timer_key, event: r.event, dueAt: r.due_at }));
  }

  // The due timers fire as one batch (group commit), each in its own savepoint with its own claim.
  private async fire(
    timers: readonly { id: string; instance_id: string; event: string; due_at: string }[],
    now: Date,
  ): Promise<('fired' | 'late' | 'void' | 'claimed-elsewhere')[]> {
    const facts = timers.map((timer) => {
      const lateByMs = now.getTime() - new Date(timer.due_at).getTime();
      return { timer, lateByMs, late: lateByMs > this.settings.lateAfterMs };
    });
    const outcomes = await this.engine.sendBatch(
      facts.map(({ timer, lateByMs, late }) => ({
        instanceId: timer.instance_id,
        event: { type: timer.event, data: { timerId: timer.id, dueAt: timer.due_at, late } },
        actor: systemActor('timer'),
        options: { at: now, claim: (trx: Db) => this.claim(trx, timer.id, now, late ? 1 : 0), auditData: { late, lateByMs: Math.max(0, lateByMs) } },
      })),
    );
    const results: ('fired' | 'late' | 'void' | 'claimed-elsewhere')[] = [];
    let failure: { error: unknown } | undefined;
    for (const [i, outcome] of outcomes.entries()) {
      const { timer, lateByMs, late } = facts[i]!;
      if (outcome.ok) {
        if (late) this.logger.warn({ timer: timer.id, instance: timer.instance_id, lateByMs }, 'timer fired late');
        results.push(late ? 'late' : 'fired');
        continue;
      }
      const error = outcome.error;
      if (isDubanError(error, 'TIMER_CLAIMED')) results.push('claimed-elsewhere');
      else if (isDubanError(error, 'EVENT_NOT_ACCEPTED') || isDubanError(error, 'GUARD_REJECTED') || isDubanError(error, 'INSTANCE_NOT_FOUND')) {
        await this.store.db.transaction().execute((trx) => this.claim(trx, timer.id, now, late ? 1 : 0, 'void'));
        this.logger.info({ timer: timer.id, instance: timer.instance_id, code: error.code }, 'timer void: its step moved on');
        results.push('void');
      } else failure ??= { error };
    }
    // Another failure is the pass's: the timers that fired stay fired, the failed one pending.
    if (failure) throw failure.error;
    return results;
  }

  private async claim(trx: Db, id: string, now: Date, late: number, status = 'fired'): Promise<boolean> {
    if (this.store.dialect === 'postgres') {
      const locked = await trx
        .selectFrom('timers')
        .select('id')
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!locked) return false;
    }
    const result = await trx
      .updateTable('timers')
      .set({ status, fired_at: now.toISOString(), late })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
