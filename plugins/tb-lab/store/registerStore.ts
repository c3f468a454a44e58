import type { Kysely } from '../../../core/plugin/index.js';
import type { SmearGrade } from '../lib/grades.js';
import type { TbDb, TbLabSchema } from './tables.js';

/** One slide of a laboratory's register, as imported. */
export interface RegisterEntry {
  readonly slide: string;
  /** The line of the source file, for messages. */
  readonly line: number;
  /** The laboratory's own result: never shown for a selected slide before its rechecking. */
  readonly result: SmearGrade;
  readonly examinedOn?: string;
  /** Columns of the source beyond the known ones, kept as they were. */
  readonly extra?: Readonly<Record<string, string>>;
}

/** A register's header: whose, which quarter, how many slides. No per-slide result. */
export interface RegisterSummary {
  readonly register: string;
  readonly department: string;
  readonly quarter: string;
  readonly version: number;
  readonly source: string;
  readonly slides: number;
  readonly positives: number;
  readonly negatives: number;
  readonly importedBy: string;
  readonly importedAt: string;
}

// Keeps a batch well under SQLite's and PostgreSQL's bound-parameter limits.
const BATCH = 500;

/**
 * Stores a register as a new version for its laboratory and quarter, all rows or none.
 * Its id is `<department>/<quarter>/<version>`: a re-import never changes a register a
 * round may already have sampled.
 */
export async function saveRegister(
  db: Kysely<TbLabSchema>,
  register: { department: string; quarter: string; source: string; entries: readonly RegisterEntry[]; actor: string; at: Date },
): Promise<RegisterSummary> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('tb_lab_register')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('department', '=', register.department)
      .where('quarter', '=', register.quarter)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    const id = `${register.department}/${register.quarter}/${version}`;
    const positives = register.entries.filter((e) => e.result !== 'NEG').length;
    const summary: RegisterSummary = {
      register: id,
      department: register.department,
      quarter: register.quarter,
      version,
      source: register.source,
      slides: register.entries.length,
      positives,
      negatives: register.entries.length - positives,
      importedBy: register.actor,
      importedAt: register.at.toISOString(),
    };
    await trx
      .insertInto('tb_lab_register')
      .values({
        id,
        department: summary.department,
        quarter: summary.quarter,
        version,
        source: summary.source,
        slides: summary.slides,
        positives: summary.positives,
        negatives: summary.negatives,
        imported_by: summary.importedBy,
        imported_at: summary.importedAt,
      })
      .execute();
    for (let i = 0; i < register.entries.length; i += BATCH) {
      const rows = register.entries.slice(i, i + BATCH).map((e) => ({
        register_id: id,
        slide: e.slide,
        line: e.line,
        result: e.result,
        examined_on: e.examinedOn ?? null,
        extra: JSON.stringify(e.extra ?? {}),
      }));
      await trx.insertInto('tb_lab_register_slide').values(rows).execute();
    }
    return summary;
  });
}

/** A register's header, or undefined. */
export async function findRegister(db: TbDb, register: string): Promise<RegisterSummary | undefined> {
  const row = await db.selectFrom('tb_lab_register').selectAll().where('id', '=', register).executeTakeFirst();
  if (!row) return undefined;
  return {
    register: row.id,
    department: row.department,
    quarter: row.quarter,
    version: Number(row.version),
    source: row.source,
    slides: Number(row.slides),
    positives: Number(row.positives),
    negatives: Number(row.negatives),
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

/** The slide ids of a register in register order, without results (what sampling needs). */
export async function registerSlideIds(db: TbDb, register: string): Promise<string[]> {
  const rows = await db.selectFrom('tb_lab_register_slide').select('slide').where('register_id', '=', register).orderBy('line').execute();
  return rows.map((r) => r.slide);
}
