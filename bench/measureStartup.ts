import { spawnSync } from 'node:child_process';
import { findRepoFile } from './findRepoFile.js';

/** Wall times of one command over several spawns. */
export interface SpawnTimes {
  readonly command: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
}

/**
 * The cold start of the CLI, as a user feels it: the median wall time of `duban --version`
 * (`node bin/duban.js --version`) next to bare `node -e 0`, spawned alternately so both
 * see the same machine load.
 *
 * @throws Error when `duban --version` does not exit 0 (the build is missing, say).
 */
export function measureStartup(runs: number): { duban: SpawnTimes; node: SpawnTimes } {
  const bin = findRepoFile('bin/duban.js');
  const dubanArgs = [bin, '--version'];
  const nodeArgs = ['-e', '0'];
  // One untimed spawn of each fills the OS file cache.
  spawnTimed(dubanArgs);
  spawnTimed(nodeArgs);
  const dubanMs: number[] = [];
  const nodeMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    dubanMs.push(spawnTimed(dubanArgs));
    nodeMs.push(spawnTimed(nodeArgs));
  }
  return {
    duban: { command: 'duban --version', runs, medianMs: median(dubanMs), minMs: Math.min(...dubanMs) },
    node: { command: 'node -e 0', runs, medianMs: median(nodeMs), minMs: Math.min(...nodeMs) },
  };
}

function spawnTimed(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.toString().trim()}`);
  }
  return ms;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
