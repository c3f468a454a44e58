import { hostname } from 'node:os';
import type { Clock } from '../clock/Clock.js';
import type { Db } from '../store/Store.js';
import { newId } from '../util/newId.js';
import { ENGINE_VERSION } from '../version.js';

/** One `serve` process, as its heartbeat row names it. */
export interface ServeWorker {
  /** A fresh time-ordered id for a long-running worker (two may start in one millisecond); `host:once` for `serve --once` runs (cron), one row a host. */
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  readonly startedAt: Date;
  /** A `serve --once` run: its row is stopped at the end of its one pass. */
  readonly once: boolean;
}

/** A worker's heartbeat row, as read back (times ISO UTC). */
export interface WorkerHeartbeat {
  readonly workerId: string;
  readonly host: string;
  readonly pid: number;
  readonly version: string;
  readonly startedAt: string;
  /** The end of the worker's last completed pass. */
  readonly lastPassAt: string;
  readonly passes: number;
  /** When the worker stopped on a signal or after its one pass; null while it runs (or after a crash). */
  readonly stoppedAt: string | null;
}

/** How long rows of stopped and replaced workers are kept: a week of restarts to look back on. */
export const HEARTBEAT_KEEP_MS = 7 * 24 * 3_600_000;

/**
 * The owner of `worker_heartbeats`: each `serve` pass upserts its worker's row (one
 * statement), stopping marks it, and the rows stay, so health can tell a silent worker
 * from a stopped one. A worker's first beat drops rows of workers stopped or replaced
 * more than {@link HEARTBEAT_KEEP_MS} ago, so restarts do not pile up for years.
 */
export class Heartbeats {
  readonly #pruned = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** This process as a worker, started now. */
  worker(options: { once?: boolean } = {}): ServeWorker {
    const host = hostname();
    const startedAt = this.clock.now();
    const once = options.once === true;
    return { id: once ? `${host}:once` : newId('w', startedAt), host, pid: process.pid, startedAt, once };
  }

  /** Records a completed pass of `worker` now (a `--once` worker is stopped with it). */
  async beat(worker: ServeWorker): Promise<void> {
    const at = this.clock.now().toISOString();
    const stoppedAt = worker.once ? at : null;
    const row = { host: worker.host, pid: worker.pid, version: ENGINE_VERSION, started_at: worker.startedAt.toISOString(), last_pass_at: at, stopped_at: stoppedAt };
    await this.db
      .insertInto('worker_heartbeats')
      .values({ worker_id: worker.id, ...row, passes: 1 })
      .onConflict((oc) => oc.column('worker_id').doUpdateSet((eb) => ({ ...row, passes: eb('worker_heartbeats.passes', '+', 1) })))
      .execute();
    if (!this.#pruned.has(worker.id)) {
      this.#pruned.add(worker.id);
      await this.prune(new Date(Date.parse(at) - HEARTBEAT_KEEP_MS));
    }
  }

  /** Marks `worker` stopped now: its row shows its last pass, and no alarm. */
  async stop(worker: ServeWorker): Promise<void> {
    await this.db.updateTable('worker_heartbeats').set({ stopped_at: this.clock.now().toISOString() }).where('worker_id', '=', worker.id).execute();
  }

  /** Every worker's row, newest start first. */
  async list(): Promise<WorkerHeartbeat[]> {
    const rows = await this.db.selectFrom('worker_heartbeats').selectAll().orderBy('started_at', 'desc').orderBy('worker_id').execute();
    return rows.map((r) => ({
      workerId: r.worker_id,
      host: r.host,
      pid: Number(r.pid),
      version: r.version,
      startedAt: r.started_at,
      lastPassAt: r.last_pass_at,
      passes: Number(r.passes),
      stoppedAt: r.stopped_at,
    }));
  }

  // A silent worker's row stays however old, until a newer worker on its host replaces it:
  // dropping it would turn an alarm green by itself.
  private async prune(before: Date): Promise<void> {
    const cutoff = before.toISOString();
    await this.db
      .deleteFrom('worker_heartbeats')
      .where('last_pass_at', '<', cutoff)
      .where((eb) =>
        eb.or([
          eb('stopped_at', 'is not', null),
          eb.exists(eb.selectFrom('worker_heartbeats as newer').select('newer.worker_id').whereRef('newer.host', '=', 'worker_heartbeats.host').whereRef('newer.started_at', '>', 'worker_heartbeats.last_pass_at')),
        ]),
      )
      .execute();
  }
}
