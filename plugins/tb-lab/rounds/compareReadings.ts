import { isDiscordant } from '../lib/finalClassification.js';
import { tbError } from '../lib/tbError.js';
import { readingsOf } from '../store/readingStore.js';
import { findRound, selectedSlides } from '../store/roundStore.js';
import type { TbDb } from '../store/tables.js';

/**
 * Compares the controller's readings with the laboratory's results once every selected
 * slide is read: returns the discordant slides (ids only) for the umpire, or the slides
 * still unread.
 *
 * @throws DubanError `NOT_FOUND` when the round has not drawn its sample.
 */
export async function compareReadings(db: TbDb, round: string): Promise<{ missing: string[]; discordant: string[] }> {
  const record = await findRound(db, round);
  if (!record) throw tbError('NOT_FOUND', 'err.roundNotFound', { round });
  const controller = new Map((await readingsOf(db, round)).filter((r) => r.reader === 'controller').map((r) => [r.slide, r.grade]));
  const missing: string[] = [];
  const discordant: string[] = [];
  for (const selected of await selectedSlides(db, record)) {
    const grade = controller.get(selected.slide);
    if (grade === undefined) missing.push(selected.slide);
    else if (isDiscordant(selected.labResult, grade)) discordant.push(selected.slide);
  }
  return { missing, discordant: missing.length > 0 ? [] : discordant };
}
