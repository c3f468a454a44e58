import type { Kysely, Migration } from '../../../core/plugin/index.js';
import { tbError } from '../lib/tbError.js';

/**
 * Treatment outcomes of a county's cohort of new smear-positive patients (one quarter's
 * registrations), as the programme reports them: how many were registered, how many were
 * smear-negative at the end of month 2, how many were cured. Only counts: no patient data.
 */
export interface CohortTable {
  department: string;
  /** The quarter of registration, `2025-Q4`. */
  cohort: string;
  registered: number;
  /** Null until the 2-month results are in. */
  converted: number | null;
  /** Null until treatment outcomes are in. */
  cured: number | null;
  recorded_by: string;
  recorded_at: string;
}

/** The cohort table as Kysely sees it. */
export interface CohortSchema {
  tb_lab_cohort: CohortTable;
}

/** Adds `tb_lab_cohort`: one row per county laboratory and cohort quarter. Portable types only. */
export const cohortMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('tb_lab_cohort')
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('cohort', 'text', (c) => c.notNull())
      .addColumn('registered', 'integer', (c) => c.notNull())
      .addColumn('converted', 'integer')
      .addColumn('cured', 'integer')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('tb_lab_cohort_pk', ['department', 'cohort'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('tb_lab_cohort').ifExists().execute();
  },
};

/**
 * Records a cohort's outcomes, replacing an earlier record of the same lab and cohort (the
 * 2-month figures come first, the cure figures a year later). A figure not given keeps
 * its earlier value.
 *
 * @throws DubanError `USAGE` when a kept or given figure exceeds the cohort.
 */
export async function saveCohort(db: Kysely<any>, row: Omit<CohortTable, 'converted' | 'cured'> & { converted?: number; cured?: number }): Promise<CohortTable> {
  const typed = db as Kysely<CohortSchema>;
  return typed.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('tb_lab_cohort').selectAll().where('department', '=', row.department).where('cohort', '=', row.cohort).executeTakeFirst();
    const next: CohortTable = {
      department: row.department,
      cohort: row.cohort,
      registered: row.registered,
      converted: row.converted ?? (before?.converted === null || before?.converted === undefined ? null : Number(before.converted)),
      cured: row.cured ?? (before?.cured === null || before?.cured === undefined ? null : Number(before.cured)),
      recorded_by: row.recorded_by,
      recorded_at: row.recorded_at,
    };
    for (const [flag, value] of [['--converted', next.converted], ['--cured', next.cured]] as const) {
      // A figure kept from an earlier record may exceed a smaller cohort given now.
      if (value !== null && value > next.registered) throw tbError('USAGE', 'err.overCohort', { flag, value, cohort: next.registered }, { argument: flag });
    }
    await trx.deleteFrom('tb_lab_cohort').where('department', '=', row.department).where('cohort', '=', row.cohort).execute();
    await trx.insertInto('tb_lab_cohort').values(next).execute();
    return next;
  });
}
