import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { mulberry32 } from '../../../core/plugin/index.js';

/**
 * Draws whom a spot check visits: `count` of the chain's `candidates`, at random from the
 * activity's recorded seed, so the draw can be repeated and audited later.
 */
export const drawSample: TaskTypeDefinition = {
  name: 'quality-office.draw-sample',
  title: { 'zh-CN': '随机抽取检查对象', en: 'Draw whom to check' },
  async activity({ input }, ctx) {
    const candidates = Array.isArray(input.candidates) ? input.candidates.map(String) : [];
    const count = Math.min(typeof input.count === 'number' ? input.count : 1, candidates.length);
    const random = mulberry32(ctx.seed);
    const pool = [...candidates];
    // Partial Fisher-Yates: the first `count` places are a uniform sample without replacement.
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return { sample: pool.slice(0, count) };
  },
};
