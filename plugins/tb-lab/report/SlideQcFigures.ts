import type { ErrorCounts } from '../lib/countErrorClasses.js';
import type { CohortRate } from '../lib/programmeIndicators.js';
import type { SmearQualitySummary } from '../lib/smearQuality.js';

/** Slide QC figures of one county laboratory (or of all, as totals). */
export interface LabSlideQcFigures {
  /** Rounds evaluated in the period, and of them passed and failed. */
  readonly rounds: number;
  readonly passed: number;
  readonly failed: number;
  /** Slides rechecked in the rounds evaluated in the period. */
  readonly slidesRechecked: number;
  /** The same from the start of the year to the end of the period. */
  readonly slidesRecheckedYearToDate: number;
  /**
   * Slides to recheck this year: the config's target (`recheckTargets.<lab>`; for the
   * totals `recheckTarget`, the target contract's figure), else the yearly LQAS sample of
   * the lab's latest round this year (the sum of the labs' for the totals); null when neither.
   */
  readonly yearlyTarget: number | null;
  /** Final classes after the umpire rule, summed over the period's rounds. */
  readonly counts: ErrorCounts;
  /** HFP + HFN. */
  readonly majorErrors: number;
  /** LFP + LFN + QE. */
  readonly minorErrors: number;
  /** Correct / rechecked: the share of slides where the lab agreed with the final reading. */
  readonly concordance: number | null;
  /** Discordant slides where the umpire did not confirm the controller. */
  readonly controllerErrors: number;
  readonly smearQuality: SmearQualitySummary;
}

/** A cohort of new smear-positive patients with its recorded outcomes. */
export interface CohortOutcome {
  readonly department: string;
  readonly cohort: string;
  readonly registered: number;
  readonly converted: number | null;
  readonly cured: number | null;
}

/** The sputum slide QC figures of a period, with the programme indicators of the year. */
export interface SlideQcFigures {
  readonly labs: readonly (LabSlideQcFigures & { readonly department: string })[];
  readonly totals: LabSlideQcFigures;
  readonly indicators: {
    /** Cohorts whose outcomes were recorded from the start of the year to the end of the period. */
    readonly cohorts: readonly CohortOutcome[];
    /** Σ converted / Σ registered over the cohorts with 2-month results. */
    readonly conversion: CohortRate;
    /** Σ cured / Σ registered over the cohorts with treatment outcomes. */
    readonly cure: CohortRate;
    readonly conversionTarget: number;
    readonly cureTarget: number;
  };
}
