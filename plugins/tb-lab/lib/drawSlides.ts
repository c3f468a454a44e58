import { mulberry32 } from '../../../core/plugin/index.js';

/**
 * Draws `count` distinct items uniformly at random without replacement, from a seeded
 * generator: the same seed and items always give the same draw, so a sample can be
 * repeated and audited from its recorded seed. Returns them in their original order
 * (the register's order, which is how slide boxes are stored), not in drawing order.
 *
 * @param count clipped to the number of items.
 */
export function drawSlides<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = mulberry32(seed);
  const indexes = items.map((_, i) => i);
  const take = Math.max(0, Math.min(count, items.length));
  // Partial Fisher-Yates: the first `take` places are a uniform sample without replacement.
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (indexes.length - i));
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return indexes
    .slice(0, take)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}
