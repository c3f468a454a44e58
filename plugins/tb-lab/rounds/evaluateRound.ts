import type { Kysely } from '../../../core/plugin/index.js';
import { evaluateSample, type RecheckedSlide, type SampleEvaluation } from '../lib/evaluateSample.js';
import { tbError } from '../lib/tbError.js';
import { readingsOf } from '../store/readingStore.js';
import { findRound, saveVerdict, selectedSlides } from '../store/roundStore.js';
import type { TbLabSchema } from '../store/tables.js';

/**
 * Evaluates a round from its stored readings ({@link evaluateSample}, with the acceptance
 * number the sample was drawn with) and records the verdict on the round. Returns the
 * discordant slides still lacking an umpire reading instead, writing nothing.
 *
 * @throws DubanError `NOT_FOUND` when the round has not drawn its sample;
 * `INPUT_INVALID` when a selected slide has no controller reading.
 */
export async function evaluateRound(
  db: Kysely<TbLabSchema>,
  round: string,
  at: Date,
): Promise<{ missingUmpire: readonly string[]; evaluation?: SampleEvaluation }> {
  const record = await findRound(db, round);
  if (!record) throw tbError('NOT_FOUND', 'err.roundNotFound', { round });
  const readings = await readingsOf(db, round);
  const controller = new Map(readings.filter((r) => r.reader === 'controller').map((r) => [r.slide, r]));
  const umpire = new Map(readings.filter((r) => r.reader === 'umpire').map((r) => [r.slide, r.grade]));
  const slides: RecheckedSlide[] = [];
  const unread: string[] = [];
  for (const selected of await selectedSlides(db, record)) {
    const first = controller.get(selected.slide);
    if (!first) unread.push(selected.slide);
    else slides.push({ slide: selected.slide, lab: selected.labResult, controller: first.grade, umpire: umpire.get(selected.slide), quality: first.quality });
  }
  if (unread.length > 0) throw tbError('INPUT_INVALID', 'problem.missingReadings', { count: unread.length, slides: unread.join(', ') });
  const result = evaluateSample(slides, record.plan.lqas.acceptance);
  if (!('evaluation' in result)) return { missingUmpire: result.missingUmpire };
  await saveVerdict(db, round, result.evaluation, at);
  return { missingUmpire: [], evaluation: result.evaluation };
}
