import type { Kysely } from '../../../core/plugin/index.js';
import type { ErrorPlace } from '../../../core/plugin/index.js';
import { isDiscordant } from '../lib/finalClassification.js';
import type { SmearGrade } from '../lib/grades.js';
import { SMEAR_QUALITY_FEATURES, type QualityMark, type SmearQualityMarks } from '../lib/smearQuality.js';
import { tbError } from '../lib/tbError.js';
import { findRound, selectedSlides } from './roundStore.js';
import type { TbDb, TbLabSchema } from './tables.js';

/** Who read a slide: the first controller, or the umpire of a discordant slide. */
export type Reader = 'controller' | 'umpire';

/** A reading to record; `place` names where it came from (a CSV line, a form path) for messages. */
export interface ReadingInput {
  readonly slide: string;
  readonly grade: SmearGrade;
  readonly quality?: SmearQualityMarks;
  readonly place?: ErrorPlace;
}

/** A recorded reading. */
export interface RecordedReading {
  readonly slide: string;
  readonly reader: Reader;
  readonly grade: SmearGrade;
  readonly quality: SmearQualityMarks;
  readonly readBy: string;
  readonly readAt: string;
}

type ReadingRow = TbLabSchema['tb_lab_reading'];

// `size` is kept as `smear_size` in the table.
const COLUMN: Readonly<Record<(typeof SMEAR_QUALITY_FEATURES)[number], 'specimen' | 'staining' | 'thickness' | 'smear_size' | 'evenness' | 'cleanliness'>> = {
  specimen: 'specimen',
  staining: 'staining',
  thickness: 'thickness',
  size: 'smear_size',
  evenness: 'evenness',
  cleanliness: 'cleanliness',
};

/** Every recorded reading of a round. */
export async function readingsOf(db: TbDb, round: string): Promise<RecordedReading[]> {
  const rows = await db.selectFrom('tb_lab_reading').selectAll().where('round_id', '=', round).execute();
  return rows.map(toReading);
}

/**
 * Records readings of a round's selected slides, all or none (one transaction, every
 * check before the first write). The rules that keep the rechecking blind and honest:
 * - only slides of the round's sample, each at most once per call;
 * - a recorded reading is final: the laboratory's result shows once it is recorded, so a
 *   changed reading could copy it; the same reading again is accepted and changes nothing;
 * - the umpire reads only discordant slides, after the controller.
 *
 * @throws DubanError `NOT_FOUND` when the round has not drawn its sample;
 * `INPUT_INVALID` naming the reading's place for a broken rule.
 */
export async function recordReadings(
  db: Kysely<TbLabSchema>,
  round: string,
  reader: Reader,
  readings: readonly ReadingInput[],
  actor: string,
  at: Date,
): Promise<{ recorded: number; unchanged: number }> {
  return db.transaction().execute(async (trx) => {
    const record = await findRound(trx, round);
    if (!record) throw tbError('NOT_FOUND', 'err.roundNotFound', { round }, { argument: '--round' });
    const lab = new Map((await selectedSlides(trx, record)).map((s) => [s.slide, s.labResult]));
    const existing = await readingsOf(trx, round);
    const mine = new Map(existing.filter((r) => r.reader === reader).map((r) => [r.slide, r]));
    const controller = new Map(existing.filter((r) => r.reader === 'controller').map((r) => [r.slide, r.grade]));
    const seen = new Set<string>();
    const fresh: ReadingInput[] = [];
    for (const reading of readings) {
      const { slide, place } = reading;
      if (seen.has(slide)) throw tbError('INPUT_INVALID', 'err.duplicateReading', { slide }, place);
      seen.add(slide);
      const labResult = lab.get(slide);
      if (labResult === undefined) throw tbError('INPUT_INVALID', 'err.slideNotSelected', { slide, round }, place);
      if (reader === 'umpire') {
        const first = controller.get(slide);
        if (first === undefined) throw tbError('INPUT_INVALID', 'err.umpireBeforeController', { slide }, place);
        if (!isDiscordant(labResult, first)) throw tbError('INPUT_INVALID', 'err.notDiscordant', { slide }, place);
      }
      const before = mine.get(slide);
      if (before) {
        if (!sameReading(before, reading)) throw tbError('INPUT_INVALID', 'err.readingImmutable', { slide, reader, grade: before.grade }, place);
        continue;
      }
      fresh.push(reading);
    }
    for (const reading of fresh) await trx.insertInto('tb_lab_reading').values(toRow(round, reader, reading, actor, at)).execute();
    return { recorded: fresh.length, unchanged: readings.length - fresh.length };
  });
}

function sameReading(before: RecordedReading, reading: ReadingInput): boolean {
  return before.grade === reading.grade && SMEAR_QUALITY_FEATURES.every((f) => (before.quality[f] ?? null) === (reading.quality?.[f] ?? null));
}

function toRow(round: string, reader: Reader, reading: ReadingInput, actor: string, at: Date): ReadingRow {
  const row: ReadingRow = {
    round_id: round,
    slide: reading.slide,
    reader,
    grade: reading.grade,
    specimen: null,
    staining: null,
    thickness: null,
    smear_size: null,
    evenness: null,
    cleanliness: null,
    read_by: actor,
    read_at: at.toISOString(),
  };
  for (const feature of SMEAR_QUALITY_FEATURES) row[COLUMN[feature]] = reading.quality?.[feature] ?? null;
  return row;
}

function toReading(row: ReadingRow): RecordedReading {
  const quality: Partial<Record<(typeof SMEAR_QUALITY_FEATURES)[number], QualityMark>> = {};
  for (const feature of SMEAR_QUALITY_FEATURES) {
    const mark = row[COLUMN[feature]];
    if (mark === 'good' || mark === 'poor') quality[feature] = mark;
  }
  return { slide: row.slide, reader: row.reader as Reader, grade: row.grade as SmearGrade, quality, readBy: row.read_by, readAt: row.read_at };
}
