/**
 * The proportion of false negatives among a laboratory's negative slides when its
 * sensitivity is exactly at the threshold: the "critical value" an LQAS sample must detect
 * (WHO/IUATLD guide *External Quality Assessment for AFB Smear Microscopy*, 2002).
 *
 * Derivation, per slide examined, with the guide's assumption of 100% specificity:
 * - the laboratory reports a share P (the slide positivity rate) positive; these are all
 *   true positives, and they are a share s (the sensitivity) of the truly positive slides,
 *   so the truly positive share is P / s;
 * - the false negatives are the truly positive slides reported negative:
 *   P / s - P = P (1 - s) / s of all slides;
 * - the laboratory reports a share 1 - P negative, so among its negatives the false
 *   negatives are p = P (1 - s) / (s (1 - P)).
 *
 * @param positivity P in (0, 1); @param sensitivity s in (0, 1).
 * @example criticalFalseNegativeProportion(0.1, 0.8) // 0.1 × 0.2 / (0.8 × 0.9) = 0.02777…
 */
export function criticalFalseNegativeProportion(positivity: number, sensitivity: number): number {
  return (positivity * (1 - sensitivity)) / (sensitivity * (1 - positivity));
}
