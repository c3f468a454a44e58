import { mulberry32 } from '../core/util/mulberry32.js';

/** The draws the demo history makes, from one seeded stream. */
export interface DemoRandom {
  /** A number in [0, 1). */
  next(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** A copy of `list` in random order. */
  shuffle<T>(list: readonly T[]): T[];
}

/**
 * A random stream for one thing of the demo (a finding, a night round, a lab's quarter),
 * derived from the demo seed and a key that names the thing. Keyed streams make each
 * draw independent of the order in which things happen, so the history comes out the
 * same even where the engine orders rows by random ids.
 *
 * @example keyedRandom(2026, 'night', 'EM', '2026-03-04').chance(0.03)
 */
export function keyedRandom(seed: number, ...key: readonly (string | number)[]): DemoRandom {
  const next = mulberry32(fnv1a(`${seed}\u0000${key.join('\u0000')}`));
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    chance: (p) => next() < p,
    int,
    between: (min, max) => min + next() * (max - min),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    shuffle: (list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
}

// FNV-1a, 32 bits: a well-spread seed from a short text.
function fnv1a(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
