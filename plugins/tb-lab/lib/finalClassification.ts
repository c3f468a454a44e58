import { classifyReading, type ErrorClass } from './classifyReading.js';
import type { SmearGrade } from './grades.js';

/** The readings of one rechecked slide. The umpire reads only discordant slides. */
export interface SlideReadings {
  readonly lab: SmearGrade;
  readonly controller: SmearGrade;
  readonly umpire?: SmearGrade;
}

/** The outcome of a slide: its final class and whether the umpire sided against the controller. */
export interface SlideOutcome {
  readonly firstClass: ErrorClass;
  readonly finalClass: ErrorClass;
  /** True when the slide needs (or had) an umpire reading. */
  readonly discordant: boolean;
  /**
   * True when an umpire read the slide and the controller's grade, judged against the
   * umpire's, is not `correct`: the controller's own error, for the reference laboratory
   * to follow up with its controllers.
   */
  readonly controllerError: boolean;
}

/**
 * True when the lab's and the controller's grades differ in class (any class but
 * `correct`): such a slide is re-read by an umpire before the lab is judged.
 */
export function isDiscordant(lab: SmearGrade, controller: SmearGrade): boolean {
  return classifyReading(lab, controller) !== 'correct';
}

/**
 * The umpire rule of blinded rechecking: a discordant slide is re-read by a third,
 * blinded reader (the umpire), and the final class is that of the **lab's reading against
 * the umpire's**; the controller's reading then no longer counts. A concordant slide keeps
 * its class against the controller. Follows the WHO/IUATLD guide *External Quality
 * Assessment for AFB Smear Microscopy* (2002), where discordant results are resolved by a
 * re-reading before a laboratory's errors are counted.
 *
 * A discordant slide without an umpire reading keeps its first class here; callers that
 * judge a laboratory must first make sure every discordant slide was re-read.
 *
 * @example finalClassification({ lab: 'NEG', controller: '1+', umpire: 'NEG' }) // correct, controllerError
 */
export function finalClassification(readings: SlideReadings): SlideOutcome {
  const firstClass = classifyReading(readings.lab, readings.controller);
  const discordant = firstClass !== 'correct';
  if (!discordant || readings.umpire === undefined) {
    return { firstClass, finalClass: firstClass, discordant, controllerError: false };
  }
  const finalClass = classifyReading(readings.lab, readings.umpire);
  return { firstClass, finalClass, discordant, controllerError: classifyReading(readings.controller, readings.umpire) !== 'correct' };
}
