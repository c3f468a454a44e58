import { inject, injectable } from 'tsyringe';
import { systemActor } from '../actor/Actor.js';
import { appendAudit } from '../audit/appendAudit.js';
import type { Clock } from '../clock/Clock.js';
import { TOKENS } from '../container/tokens.js';
import { isDubanError } from '../errors/DubanError.js';
import type { Db, Store } from '../store/Store.js';
import { newId } from '../util/newId.js';
import { Engine } from './Engine.js';
import type { Logger } from './Logger.js';
import type { OutboxHandlers, OutboxJob } from './OutboxHandler.js';
import type { Settings } from './Settings.js';

/** Back-off before retry n (1-based): 2^(n-1) seconds, at most an hour. */
export function retryDelayMs(attempt: number, baseMs = 1000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** What the outbox holds that is not done, as health reads it (times ISO UTC). */
export interface OutboxBacklog {
  /** Rows pending or running. */
  readonly waiting: number;
  /** When the oldest of them was written. */
  readonly oldestWaitingAt: string | null;
  /** Since when the longest-waiting due row has been due; null when nothing is due. */
  readonly dueSince: string | null;
  /** Rows that failed for good (each has an incident). */
  readonly failed: number;
}
/** Outbox rows one dispatcher has run, by kind: finished (`done`) and failed (to be retried, or for good). */
export type OutboxTally = Readonly<Record<string, { readonly done: number; readonly failed: number }>>;

/**
 * Runs outbox rows after their transaction committed: plugin activities, notifications,
 * chain starts, findings. A row is claimed with a lease (compare-and-set), so two
 * processes never run it at once and a crashed process's row is taken over when the
 * lease ends. Failures retry with back-off; the last failure opens an incident.
 */
@injectable()
export class OutboxDispatcher {
  readonly #tally = new Map<string, { done: number; failed: number }>();

  constructor(
    @inject(TOKENS.Store) private readonly store: Store,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Engine) private readonly engine: Engine,
    @inject(TOKENS.OutboxHandlers) private readonly handlers: OutboxHandlers,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Settings) private readonly settings: Settings,
  ) {}

  /** Runs the given rows now (after the commit that wrote them). Returns how many ran. */
  async dispatch(ids: readonly string[]): Promise<number> {
    let ran = 0;
    for (const id of ids) if (await this.runOne(id)) ran++;
    return ran;
  }

  /** Runs every row that is due (or whose lease ran out), oldest first. */
  async runDue(batch = 100): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = this.clock.now().toISOString();
      const rows = await this.store.db
        .selectFrom('outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .limit(batch)
        .execute();
      let progressed = 0;
      for (const row of rows) if (await this.runOne(row.id)) progressed++;
      ran += progressed;
      if (rows.length < batch || progressed === 0) return ran;
    }
  }

  /**
   * What this dispatcher has run since the engine started, whichever way a row came to it
   * (right after its commit, or from {@link runDue}); a copy. `serve` reports a pass as
   * the difference of two tallies.
   */
  tally(): OutboxTally {
    return Object.fromEntries([...this.#tally].map(([kind, counts]) => [kind, { ...counts }]));
  }

  private count(kind: string, outcome: 'done' | 'failed'): void {
    const counts = this.#tally.get(kind) ?? { done: 0, failed: 0 };
    counts[outcome]++;
    this.#tally.set(kind, counts);
  }

  private async runOne(id: string): Promise<boolean> {
    const now = this.clock.now();
    const job = await this.claim(id, now);
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for outbox kind "${job.kind}"`);
      const outcome = await handler(job);
      if (outcome?.event && job.instanceId) {
        if (!(await this.deliver(job, outcome.event))) return true;
      } else {
        await this.store.db.transaction().execute((trx) => this.markDone(trx, job.id));
      }
      this.count(job.kind, 'done');
    } catch (error) {
      await this.fail(job, error, now);
      this.count(job.kind, 'failed');
    }
    return true;
  }

  /** Sends the handler's event to the instance and closes the row; false when another process closed it first. */
  private async deliver(job: OutboxJob, event: { type: string; data?: Record<string, unknown> }): Promise<boolean> {
    try {
      await this.engine.send(job.instanceId!, event, systemActor('outbox'), { claim: (trx) => this.markDone(trx, job.id) });
    } catch (error) {
      // The instance moved on (cancelled, answered by hand): the result has nowhere to go,
      // which is not a failure of the activity. Record it and close the row.
      if (isDubanError(error, 'EVENT_NOT_ACCEPTED') || isDubanError(error, 'GUARD_REJECTED')) {
        this.logger.info({ outbox: job.id, code: error.code }, 'activity result not accepted by the instance');
        await this.store.db.transaction().execute((trx) => this.markDone(trx, job.id));
        return true;
      }
      if (isDubanError(error, 'TIMER_CLAIMED')) return false;
      throw error;
    }
    return true;
  }

  private async claim(id: string, now: Date): Promise<OutboxJob | undefined> {
    return this.store.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const iso = now.toISOString();
      const claimable =
        (row.status === 'pending' && row.next_attempt_at <= iso) || (row.status === 'running' && (row.lease_until ?? '') < iso);
      if (!claimable) return undefined;
      const result = await trx
        .updateTable('outbox')
        .set({
          status: 'running',
          attempts: Number(row.attempts) + 1,
          lease_until: new Date(now.getTime() + this.settings.leaseMs).toISOString(),
        })
        .where('id', '=', id)
        .where('status', '=', row.status)
        .where('attempts', '=', row.attempts)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return undefined;
      return {
        id,
        instanceId: row.instance_id,
        kind: row.kind,
        payload: JSON.parse(row.payload) as unknown,
        attempt: Number(row.attempts) + 1,
        pluginId: row.plugin_id,
      };
    });
  }

  /** The newest rows that failed for good (their incidents say why), at most `limit`. */
  async failed(limit = 50): Promise<{ id: string; kind: string; instanceId: string | null; error: string | null; at: string }[]> {
    const rows = await this.store.db
      .selectFrom('outbox')
      .select(['id', 'kind', 'instance_id', 'last_error', 'created_at'])
      .where('status', '=', 'failed')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, instanceId: r.instance_id, error: r.last_error, at: r.created_at }));
  }

  /**
   * The rows still to run at `now`: how many wait (pending or running), the oldest of
   * them, and since when the longest-waiting due row has been due (a pending row past its
   * next attempt, or a running row whose lease ran out): what no worker has picked up.
   */
  async backlog(now: Date): Promise<OutboxBacklog> {
    const iso = now.toISOString();
    const counts = await this.store.db
      .selectFrom('outbox')
      .select((eb) => ['status', eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('status', 'in', ['pending', 'running', 'failed'])
      .groupBy('status')
      .execute();
    const due = await this.store.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', iso)
      .executeTakeFirst();
    const lapsed = await this.store.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('lease_until').as('at'))
      .where('status', '=', 'running')
      .where('lease_until', '<', iso)
      .executeTakeFirst();
    const of = (status: string) => counts.find((c) => c.status === status);
    const waiting = [of('pending'), of('running')].filter((c) => c !== undefined);
    const oldest = waiting.map((c) => c.oldest).filter((at): at is string => typeof at === 'string').sort()[0] ?? null;
    const dueSince = [due?.at, lapsed?.at].filter((at): at is string => typeof at === 'string').sort()[0] ?? null;
    return { waiting: waiting.reduce((n, c) => n + Number(c.n), 0), oldestWaitingAt: oldest, dueSince, failed: Number(of('failed')?.n ?? 0) };
  }

  private async markDone(trx: Db, id: string): Promise<boolean> {
    const result = await trx
      .updateTable('outbox')
      .set({ status: 'done', done_at: this.clock.now().toISOString(), lease_until: null, last_error: null })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private async fail(job: OutboxJob, error: unknown, now: Date): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const max = await this.store.db.selectFrom('outbox').select('max_attempts').where('id', '=', job.id).executeTakeFirstOrThrow();
    // A query outside the plugin's own tables fails the same way on every retry: an incident at once.
    const final = job.attempt >= Number(max.max_attempts) || isDubanError(error, 'PLUGIN_SCOPE');
    this.logger.warn({ outbox: job.id, kind: job.kind, plugin: job.pluginId, attempt: job.attempt, err: message }, 'outbox row failed');
    await this.store.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('outbox')
        .set({
          status: final ? 'failed' : 'pending',
          last_error: message,
          lease_until: null,
          next_attempt_at: new Date(now.getTime() + retryDelayMs(job.attempt)).toISOString(),
        })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .execute();
      if (!final) return;
      const incidentId = newId('x', now);
      const text = job.pluginId ? `plugin ${job.pluginId}: ${job.kind} failed ${job.attempt} times: ${message}` : `${job.kind} failed ${job.attempt} times: ${message}`;
      await trx
        .insertInto('incidents')
        .values({
          id: incidentId,
          instance_id: job.instanceId,
          outbox_id: job.id,
          plugin_id: job.pluginId,
          message: text,
          status: 'open',
          created_at: now.toISOString(),
          resolved_at: null,
          resolved_by: null,
          note: null,
        })
        .execute();
      await appendAudit(trx, this.store.dialect, {
        at: now.toISOString(),
        actor: systemActor('outbox').id,
        instanceId: job.instanceId,
        chain: null,
        event: 'incident.opened',
        stateBefore: null,
        stateAfter: null,
        data: { incident: incidentId, outbox: job.id, kind: job.kind, plugin: job.pluginId, error: message },
      });
    });
  }
}
