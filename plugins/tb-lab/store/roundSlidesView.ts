import type { ErrorClass } from '../lib/classifyReading.js';
import { finalClassification, isDiscordant } from '../lib/finalClassification.js';
import type { SmearGrade } from '../lib/grades.js';
import type { SmearQualityMarks } from '../lib/smearQuality.js';
import { tbError } from '../lib/tbError.js';
import { readingsOf } from './readingStore.js';
import { findRound, selectedSlides } from './roundStore.js';
import type { TbDb } from './tables.js';

/** A reading as shown. */
export interface ReadingView {
  readonly grade: SmearGrade;
  readonly quality: SmearQualityMarks;
  readonly readBy: string;
  readonly readAt: string;
}

/**
 * A selected slide as any command may show it. `lab` is the laboratory's result **only
 * once the controller's reading of this slide is recorded**; before that it is null and
 * `labBlinded` is true, and so are the classes, which would betray it.
 */
export interface SlideView {
  readonly position: number;
  readonly slide: string;
  readonly controller: ReadingView | null;
  readonly umpire: ReadingView | null;
  readonly lab: SmearGrade | null;
  readonly labBlinded: boolean;
  readonly firstClass: ErrorClass | null;
  readonly finalClass: ErrorClass | null;
}

/** A round as shown: its header and its slides, blinded. */
export interface RoundView {
  readonly round: string;
  readonly register: string;
  readonly department: string;
  readonly quarter: string;
  readonly sampleSize: number;
  readonly slides: readonly SlideView[];
}

/**
 * The blinding boundary: the only way a laboratory's result of a selected slide leaves
 * the plugin. Every command that shows slides goes through here.
 *
 * With `forUmpire`, only the discordant slides still awaiting the umpire are listed, and
 * without any earlier reading, so the umpire reads blind as well.
 *
 * @throws DubanError `NOT_FOUND` when the round has not drawn its sample.
 */
export async function roundSlidesView(db: TbDb, round: string, options: { forUmpire?: boolean } = {}): Promise<RoundView> {
  const record = await findRound(db, round);
  if (!record) throw tbError('NOT_FOUND', 'err.roundNotFound', { round }, { argument: '--round' });
  const readings = await readingsOf(db, round);
  const byReader = (reader: 'controller' | 'umpire') => new Map(readings.filter((r) => r.reader === reader).map((r) => [r.slide, r]));
  const controller = byReader('controller');
  const umpire = byReader('umpire');
  const slides: SlideView[] = [];
  for (const selected of await selectedSlides(db, record)) {
    const first = controller.get(selected.slide);
    const third = umpire.get(selected.slide);
    if (options.forUmpire) {
      if (first && !third && isDiscordant(selected.labResult, first.grade)) slides.push(blindView(selected.position, selected.slide));
      continue;
    }
    if (!first) {
      slides.push(blindView(selected.position, selected.slide));
      continue;
    }
    const outcome = finalClassification({ lab: selected.labResult, controller: first.grade, umpire: third?.grade });
    slides.push({
      position: selected.position,
      slide: selected.slide,
      controller: view(first),
      umpire: third ? view(third) : null,
      lab: selected.labResult,
      labBlinded: false,
      firstClass: outcome.firstClass,
      finalClass: outcome.discordant && !third ? null : outcome.finalClass,
    });
  }
  return { round, register: record.register, department: record.department, quarter: record.quarter, sampleSize: record.sampleSize, slides };
}

function blindView(position: number, slide: string): SlideView {
  return { position, slide, controller: null, umpire: null, lab: null, labBlinded: true, firstClass: null, finalClass: null };
}

function view(reading: { grade: SmearGrade; quality: SmearQualityMarks; readBy: string; readAt: string }): ReadingView {
  return { grade: reading.grade, quality: reading.quality, readBy: reading.readBy, readAt: reading.readAt };
}
