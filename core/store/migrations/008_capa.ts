import type { Kysely, Migration } from 'kysely';

/**
 * Corrective and preventive action (CAPA), kept by the findings module's projection:
 * a finding's root-cause category (`findings.root_cause_category`), its actions one row
 * each (`finding_actions`: kind, owner, due day, done instant) and its due-date extension
 * requests (`finding_extensions`), so reports count on-time actions, extensions and root
 * causes per department with indexed queries instead of reading every snapshot.
 */
export const capaMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('findings').addColumn('root_cause_category', 'text').execute();
    await db.schema
      .createTable('finding_actions')
      .addColumn('finding_id', 'text', (c) => c.notNull())
      .addColumn('action_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('due', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('finding_actions_pk', ['finding_id', 'action_id'])
      .execute();
    await db.schema.createIndex('finding_actions_due_idx').on('finding_actions').columns(['due']).execute();
    await db.schema
      .createTable('finding_extensions')
      .addColumn('finding_id', 'text', (c) => c.notNull())
      .addColumn('extension_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('until', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addPrimaryKeyConstraint('finding_extensions_pk', ['finding_id', 'extension_id'])
      .execute();
    await db.schema.createIndex('finding_extensions_requested_idx').on('finding_extensions').columns(['requested_at']).execute();
  },
};
