import { spawnSync } from 'node:child_process';
import { findRepoFile } from './findRepoFile.js';

/** Wall times of one command over several spawns. */
export interface SpawnTimes {
  readonly command: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
}

/** A command to time: its label and the arguments after `node`. */
export interface SpawnCommand {
  readonly label: string;
  readonly args: readonly string[];
}

/**
 * Wall times of several commands, as a user feels them: each spawned `runs` times, the
 * commands interleaved round by round so all see the same machine load; medians and
 * minimums. One untimed spawn of each first fills the OS file cache.
 *
 * @throws Error when a command does not exit 0 (the build is missing, say).
 */
export function measureSpawns(commands: readonly SpawnCommand[], runs: number, env: NodeJS.ProcessEnv = process.env): SpawnTimes[] {
  for (const c of commands) spawnTimed(c.args, env);
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => times[k]!.push(spawnTimed(c.args, env)));
  return commands.map((c, k) => ({ command: c.label, runs, medianMs: median(times[k]!), minMs: Math.min(...times[k]!) }));
}

/** The CLI's own entry point, for {@link SpawnCommand} arguments. */
export function dubanBin(): string {
  return findRepoFile('bin/duban.js');
}

/** Bare Node, the floor every command is measured against. */
export const NODE_ONLY: SpawnCommand = { label: 'node -e 0', args: ['-e', '0'] };

function spawnTimed(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
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
