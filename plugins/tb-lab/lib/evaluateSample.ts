import type { ErrorClass } from './classifyReading.js';
import { countErrorClasses, type ErrorCounts } from './countErrorClasses.js';
import { finalClassification } from './finalClassification.js';
import type { SmearGrade } from './grades.js';
import { judgeLaboratory, type LaboratoryVerdict } from './judgeLaboratory.js';
import { summarizeSmearQuality, type SmearQualityMarks, type SmearQualitySummary } from './smearQuality.js';

/** One rechecked slide with every reading it has. */
export interface RecheckedSlide {
  readonly slide: string;
  readonly lab: SmearGrade;
  readonly controller: SmearGrade;
  readonly umpire?: SmearGrade;
  readonly quality?: SmearQualityMarks;
}

/** A round's evaluation: counts, verdict and feedback. It holds no slide's grade. */
export interface SampleEvaluation {
  readonly slidesRead: number;
  /** Final classes, after the umpire rule. */
  readonly counts: ErrorCounts;
  /** Classes of the lab against the controller, before the umpire. */
  readonly firstCounts: ErrorCounts;
  readonly verdict: LaboratoryVerdict;
  /** Discordant slides where the umpire did not confirm the controller. */
  readonly controllerErrors: number;
  readonly smearQuality: SmearQualitySummary;
}

/**
 * Evaluates a rechecked sample: applies the umpire rule to each slide
 * ({@link finalClassification}), counts the classes, judges the laboratory
 * ({@link judgeLaboratory}) and summarizes smear quality. Returns `missingUmpire`
 * instead when a discordant slide still lacks its umpire reading: the laboratory is
 * never judged on an unresolved discordance.
 */
export function evaluateSample(
  slides: readonly RecheckedSlide[],
  acceptance: number,
): { readonly missingUmpire: readonly string[] } | { readonly missingUmpire: readonly []; readonly evaluation: SampleEvaluation } {
  const outcomes = slides.map((s) => ({ slide: s.slide, ...finalClassification(s), hasUmpire: s.umpire !== undefined }));
  const missingUmpire = outcomes.filter((o) => o.discordant && !o.hasUmpire).map((o) => o.slide);
  if (missingUmpire.length > 0) return { missingUmpire };
  const counts = countErrorClasses(outcomes.map((o): ErrorClass => o.finalClass));
  return {
    missingUmpire: [],
    evaluation: {
      slidesRead: slides.length,
      counts,
      firstCounts: countErrorClasses(outcomes.map((o) => o.firstClass)),
      verdict: judgeLaboratory(counts, acceptance),
      controllerErrors: outcomes.filter((o) => o.controllerError).length,
      smearQuality: summarizeSmearQuality(slides.map((s) => s.quality ?? {})),
    },
  };
}
