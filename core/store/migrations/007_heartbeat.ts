import type { Kysely, Migration } from 'kysely';

/**
 * The heartbeats of `serve` workers: one row a worker, updated at the end of every pass
 * and kept after the worker stops, so `duban health` tells a worker that went silent
 * from one that stopped (`stopped_at`) and from one never started.
 */
export const heartbeatMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('worker_heartbeats')
      .addColumn('worker_id', 'text', (c) => c.primaryKey())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('pid', 'integer', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('last_pass_at', 'text', (c) => c.notNull())
      .addColumn('passes', 'integer', (c) => c.notNull())
      .addColumn('stopped_at', 'text')
      .execute();
  },
};
