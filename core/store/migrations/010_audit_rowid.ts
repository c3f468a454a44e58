import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

// audit_log's columns in their stored order: 001_core's, then 006_trust's `by_person`.
const COLUMNS = ['seq', 'at', 'actor', 'instance_id', 'chain', 'event', 'state_before', 'state_after', 'data', 'prev_hash', 'hash', 'by_person'] as const;

/**
 * On SQLite, the audit log keyed by `seq` itself: only a column declared exactly
 * `INTEGER PRIMARY KEY` is the table's rowid, and 001_core's `bigint primary key` was
 * not, so each appended row also went into a separate unique index on `seq`, one more
 * b-tree page written and synced with every event. The table is rebuilt with `seq` as
 * the rowid, every row copied as it was (the hashes cover the values, not the storage),
 * and its two indexes made again. The columns are spelled out here, not taken from the
 * schema's types: a migration describes the database as it was when it was written.
 * PostgreSQL's `bigint primary key` is already the one
 * b-tree the heap is looked up by: nothing changes there.
 */
export const auditRowidMigration: Migration = {
  async up(db: Kysely<any>) {
    if (db.getExecutor().adapter instanceof PostgresAdapter) return;
    await db.schema
      .createTable('audit_log_by_seq')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text')
      .addColumn('chain', 'text')
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('state_before', 'text')
      .addColumn('state_after', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('by_person', 'text')
      .execute();
    const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
    await sql`insert into audit_log_by_seq (${columns}) select ${columns} from audit_log order by seq`.execute(db);
    await db.schema.dropTable('audit_log').execute();
    await db.schema.alterTable('audit_log_by_seq').renameTo('audit_log').execute();
    await db.schema.createIndex('audit_instance_idx').on('audit_log').columns(['instance_id', 'seq']).execute();
    await db.schema.createIndex('audit_event_at_idx').on('audit_log').columns(['event', 'at', 'instance_id']).execute();
  },
};
