import type { Kysely } from '../../../core/plugin/index.js';
import type { SmearGrade } from '../lib/grades.js';
import type { LqasPlan } from '../lib/lqasSampleSize.js';
import type { TbDb, TbLabSchema } from './tables.js';

/** A rechecking round: one chain instance's sample of one register. */
export interface RoundRecord {
  /** The sputum-slide-qc instance id. */
  readonly round: string;
  readonly register: string;
  readonly department: string;
  readonly quarter: string;
  readonly seed: number;
  readonly plan: RoundPlan;
  readonly sampleSize: number;
  readonly recheckDue: string;
  readonly createdAt: string;
}

/** How the sample was sized: the yearly LQAS plan and this period's share. */
export interface RoundPlan {
  readonly lqas: LqasPlan;
  readonly periodsPerYear: number;
  readonly periodSampleSize: number;
  /** Where the volume and positivity came from: the form, or estimated from the register. */
  readonly estimatedFromRegister: { readonly annualNegatives: boolean; readonly positivity: boolean };
}

/** A selected slide with the laboratory's result: for the plugin's own computations only. */
export interface SelectedSlide {
  readonly slide: string;
  readonly position: number;
  readonly labResult: SmearGrade;
}

/** Stores a round and its selection, all or nothing. */
export async function createRound(db: Kysely<TbLabSchema>, round: RoundRecord, selection: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tb_lab_round')
      .values({
        id: round.round,
        register_id: round.register,
        department: round.department,
        quarter: round.quarter,
        seed: round.seed,
        plan: JSON.stringify(round.plan),
        sample_size: round.sampleSize,
        recheck_due: round.recheckDue,
        created_at: round.createdAt,
        verdict: null,
        evaluated_at: null,
      })
      .execute();
    for (let i = 0; i < selection.length; i += 500) {
      const rows = selection.slice(i, i + 500).map((slide, k) => ({ round_id: round.round, slide, position: i + k + 1 }));
      await trx.insertInto('tb_lab_selection').values(rows).execute();
    }
  });
}

/** A round by its id, or undefined. */
export async function findRound(db: TbDb, round: string): Promise<RoundRecord | undefined> {
  const row = await db.selectFrom('tb_lab_round').selectAll().where('id', '=', round).executeTakeFirst();
  return row && toRecord(row);
}

/** The round that sampled a register, or undefined. */
export async function findRoundOfRegister(db: TbDb, register: string): Promise<RoundRecord | undefined> {
  const row = await db.selectFrom('tb_lab_round').selectAll().where('register_id', '=', register).executeTakeFirst();
  return row && toRecord(row);
}

/**
 * The selected slides with the laboratory's results, in position order. Inside the
 * plugin only: what leaves it goes through `roundSlidesView`, which blinds them.
 */
export async function selectedSlides(db: TbDb, round: RoundRecord): Promise<SelectedSlide[]> {
  const rows = await db
    .selectFrom('tb_lab_selection as s')
    .innerJoin('tb_lab_register_slide as r', (join) => join.onRef('r.slide', '=', 's.slide').on('r.register_id', '=', round.register))
    .select(['s.slide', 's.position', 'r.result'])
    .where('s.round_id', '=', round.round)
    .orderBy('s.position')
    .execute();
  return rows.map((r) => ({ slide: r.slide, position: Number(r.position), labResult: r.result as SmearGrade }));
}

/** Records a round's verdict (idempotent: the same verdict may be written again). */
export async function saveVerdict(db: TbDb, round: string, verdict: unknown, at: Date): Promise<void> {
  await db.updateTable('tb_lab_round').set({ verdict: JSON.stringify(verdict), evaluated_at: at.toISOString() }).where('id', '=', round).execute();
}

function toRecord(row: { id: string; register_id: string; department: string; quarter: string; seed: number | string; plan: string; sample_size: number; recheck_due: string; created_at: string }): RoundRecord {
  return {
    round: row.id,
    register: row.register_id,
    department: row.department,
    quarter: row.quarter,
    // pg returns bigint as a string.
    seed: Number(row.seed),
    plan: JSON.parse(row.plan) as RoundPlan,
    sampleSize: Number(row.sample_size),
    recheckDue: row.recheck_due,
    createdAt: row.created_at,
  };
}
