import { definePlugin, ENGINE_VERSION } from '../core/index.js';
import { findRepoFile } from './findRepoFile.js';

/**
 * The bench-only plugin: ships the `bench-loop` and `bench-timer` chains and nothing else. The bench passes
 * it to `createDuban` as an extra candidate; the CLI never loads it.
 */
export const benchPlugin = definePlugin({
  id: 'bench',
  version: ENGINE_VERSION,
  engine: `^${ENGINE_VERSION}`,
  title: { 'zh-CN': '基准测试', en: 'Bench' },
  chains: [findRepoFile('bench/chains/bench-loop.yaml'), findRepoFile('bench/chains/bench-timer.yaml')],
});
