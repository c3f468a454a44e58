/**
 * The six features of smear quality a controller scores on each rechecked slide, as the
 * WHO/IUATLD guide *External Quality Assessment for AFB Smear Microscopy* (2002) lists them:
 * specimen (mucopurulent sputum rather than saliva), staining, thickness, size, evenness
 * and cleanliness.
 */
export const SMEAR_QUALITY_FEATURES = ['specimen', 'staining', 'thickness', 'size', 'evenness', 'cleanliness'] as const;

/** One of {@link SMEAR_QUALITY_FEATURES}. */
export type SmearQualityFeature = (typeof SMEAR_QUALITY_FEATURES)[number];

/** A feature is judged adequate (`good`) or not (`poor`). */
export type QualityMark = 'good' | 'poor';

/** The marks of one slide; a feature the controller did not score is absent. */
export type SmearQualityMarks = Partial<Readonly<Record<SmearQualityFeature, QualityMark>>>;

/** A slide's score: how many features were scored and how many of them were good. */
export interface SmearScore {
  readonly scored: number;
  readonly good: number;
}

/** The score of one slide: the number of good features out of those scored (at most six). */
export function scoreSmear(marks: SmearQualityMarks): SmearScore {
  let scored = 0;
  let good = 0;
  for (const feature of SMEAR_QUALITY_FEATURES) {
    const mark = marks[feature];
    if (mark === undefined) continue;
    scored += 1;
    if (mark === 'good') good += 1;
  }
  return { scored, good };
}

/** The quality of a round's smears, per feature, for feedback to the laboratory. */
export interface SmearQualitySummary {
  /** Per feature: slides scored on it, how many good, and the good share (null when none scored). */
  readonly features: Readonly<Record<SmearQualityFeature, { readonly scored: number; readonly good: number; readonly goodRate: number | null }>>;
  /** Slides with at least one feature scored. */
  readonly slidesScored: number;
  /** Slides whose every scored feature is good (of `slidesScored`). */
  readonly slidesAllGood: number;
}

/**
 * Summarizes the smear quality of many slides: per feature the share judged good, and how
 * many slides were good on every scored feature. The guide reports these to the
 * laboratory as feedback; they do not enter the pass/fail verdict.
 */
export function summarizeSmearQuality(slides: Iterable<SmearQualityMarks>): SmearQualitySummary {
  const tally = Object.fromEntries(SMEAR_QUALITY_FEATURES.map((f) => [f, { scored: 0, good: 0 }])) as Record<SmearQualityFeature, { scored: number; good: number }>;
  let slidesScored = 0;
  let slidesAllGood = 0;
  for (const marks of slides) {
    const score = scoreSmear(marks);
    if (score.scored === 0) continue;
    slidesScored += 1;
    if (score.good === score.scored) slidesAllGood += 1;
    for (const feature of SMEAR_QUALITY_FEATURES) {
      const mark = marks[feature];
      if (mark === undefined) continue;
      tally[feature].scored += 1;
      if (mark === 'good') tally[feature].good += 1;
    }
  }
  const features = Object.fromEntries(
    SMEAR_QUALITY_FEATURES.map((f) => [f, { ...tally[f], goodRate: tally[f].scored === 0 ? null : tally[f].good / tally[f].scored }]),
  ) as SmearQualitySummary['features'];
  return { features, slidesScored, slidesAllGood };
}
