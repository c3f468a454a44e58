import type { Kysely, Migration } from '../../../core/plugin/index.js';
import { cohortMigration } from './cohortStore.js';

/**
 * The plugin's migrations, run by the host into `duban_plugin_tb_lab_migration`. Column
 * types stay portable between SQLite and PostgreSQL (text, integer, bigint); JSON is text.
 */
export const tbLabMigrations: Readonly<Record<string, Migration>> = {
  '001_slide_qc': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('tb_lab_register')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('quarter', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('slides', 'integer', (c) => c.notNull())
        .addColumn('positives', 'integer', (c) => c.notNull())
        .addColumn('negatives', 'integer', (c) => c.notNull())
        .addColumn('imported_by', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('tb_lab_register_version', ['department', 'quarter', 'version'])
        .execute();
      await db.schema
        .createTable('tb_lab_register_slide')
        .addColumn('register_id', 'text', (c) => c.notNull())
        .addColumn('slide', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('examined_on', 'text')
        .addColumn('extra', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tb_lab_register_slide_pk', ['register_id', 'slide'])
        .execute();
      await db.schema
        .createTable('tb_lab_round')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // One round a register: a register sampled twice would be rechecked twice.
        .addColumn('register_id', 'text', (c) => c.notNull().unique())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('quarter', 'text', (c) => c.notNull())
        // A 32-bit unsigned seed exceeds PostgreSQL's integer.
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('sample_size', 'integer', (c) => c.notNull())
        .addColumn('recheck_due', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text')
        .addColumn('evaluated_at', 'text')
        .execute();
      await db.schema
        .createTable('tb_lab_selection')
        .addColumn('round_id', 'text', (c) => c.notNull())
        .addColumn('slide', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('tb_lab_selection_pk', ['round_id', 'slide'])
        .execute();
      await db.schema
        .createTable('tb_lab_reading')
        .addColumn('round_id', 'text', (c) => c.notNull())
        .addColumn('slide', 'text', (c) => c.notNull())
        .addColumn('reader', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('specimen', 'text')
        .addColumn('staining', 'text')
        .addColumn('thickness', 'text')
        .addColumn('smear_size', 'text')
        .addColumn('evenness', 'text')
        .addColumn('cleanliness', 'text')
        .addColumn('read_by', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tb_lab_reading_pk', ['round_id', 'slide', 'reader'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['tb_lab_reading', 'tb_lab_selection', 'tb_lab_round', 'tb_lab_register_slide', 'tb_lab_register']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  },
  '002_cohorts': cohortMigration,
};
