import type { Kysely, Migration } from 'kysely';

/**
 * The org model beyond people (duty posts, escalation chains) and the findings read
 * model: one row per finding, kept by a projection in the same transaction as each
 * event, so lists and reports filter in SQL instead of parsing snapshots.
 */
export const orgFindingsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('posts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .execute();

    // department_id '*' is the hospital-wide default chain.
    await db.schema
      .createTable('escalation_levels')
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('person_id', 'text')
      .addColumn('role', 'text')
      .addPrimaryKeyConstraint('escalation_levels_pk', ['department_id', 'level'])
      .execute();

    await db.schema
      .createTable('findings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('title_zh', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assignee', 'text')
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('due_at', 'text')
      .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('open_actions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source_instance', 'text')
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('escalated_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('findings_status_dept_idx').on('findings').columns(['status', 'department_id']).execute();
    await db.schema.createIndex('findings_due_idx').on('findings').columns(['due_at']).execute();
    await db.schema.createIndex('findings_assignee_idx').on('findings').columns(['assignee', 'status']).execute();
    await db.schema.createIndex('findings_subject_idx').on('findings').columns(['category', 'subject', 'opened_at']).execute();
    await db.schema.createIndex('findings_opened_idx').on('findings').columns(['opened_at']).execute();
  },
};
