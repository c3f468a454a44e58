import type { Kysely, Migration } from 'kysely';

/**
 * Cron schedules, their occurrences, the per-person inbox and the delivery record of
 * notifications. Portable like 001: text, integer and bigint only.
 *
 * The primary key of `schedule_runs` is the occurrence id (schedule id + scheduled
 * instant): a second claim of the same occurrence cannot commit, whatever the process.
 * `inbox` is unique on (outbox row, person), so a redelivered notification never writes
 * a second message.
 */
export const schedulesInboxMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('schedules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('cron', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('window_from', 'text')
      .addColumn('window_to', 'text')
      .addColumn('seed', 'bigint', (c) => c.notNull())
      .addColumn('missed_policy', 'text', (c) => c.notNull())
      .addColumn('catch_up_cap', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('next_at', 'text')
      .addColumn('next_fire_at', 'text')
      .addColumn('last_fired_at', 'text')
      .addColumn('skipped_total', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('schedules_due_idx').on('schedules').columns(['status', 'next_fire_at']).execute();

    await db.schema
      .createTable('schedule_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('schedule_id', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', 'text', (c) => c.notNull())
      .addColumn('fire_at', 'text', (c) => c.notNull())
      .addColumn('seed', 'bigint')
      .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text', (c) => c.notNull())
      .addColumn('outbox_id', 'text')
      .execute();
    await db.schema.createIndex('schedule_runs_schedule_idx').on('schedule_runs').columns(['schedule_id', 'scheduled_at']).execute();

    await db.schema
      .createTable('inbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('outbox_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text')
      .addColumn('schedule_id', 'text')
      .addColumn('message_zh', 'text', (c) => c.notNull())
      .addColumn('message_en', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .addUniqueConstraint('inbox_outbox_person_uq', ['outbox_id', 'person_id'])
      .execute();
    await db.schema.createIndex('inbox_person_idx').on('inbox').columns(['person_id', 'read_at', 'created_at']).execute();

    await db.schema
      .createTable('notification_deliveries')
      .addColumn('outbox_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addPrimaryKeyConstraint('notification_deliveries_pk', ['outbox_id', 'channel', 'target'])
      .execute();
  },
};
