import { measureTui } from './measureTui.js';
import { reportTui } from './reportTui.js';

/** Findings in the console's bench database, and runs of each measurement. */
export const TUI_BENCH_FINDINGS = 100_000;
export const TUI_BENCH_ROUNDS = 3;

/** The console's first frame, from process start, at most this many times `node -e 0`. */
export const FIRST_FRAME_TARGET_RATIO = 5;

/**
 * `npm run bench`, part (d): the console on 100,000 findings next to the same keys on
 * 100 findings, measured in the same run, and its first frame from process start
 * against `nodeMs` (`node -e 0`, measured in the same run). Prints its block through
 * `line`; under `--strict` a missed target sets a failing exit code. Returns whether
 * all targets were met.
 */
export async function printTuiBench(line: (text?: string) => void, strict: boolean, nodeMs: number): Promise<boolean> {
  line();
  const { large, chinese, baseline, wide } = await measureTui(TUI_BENCH_FINDINGS, TUI_BENCH_ROUNDS, line);
  const consoleOk = reportTui(large, chinese, baseline, wide, line, 'd');
  const ratio = large.fromProcessStartMs / nodeMs;
  const startOk = ratio <= FIRST_FRAME_TARGET_RATIO;
  line(
    `    first frame from process start ${large.fromProcessStartMs.toFixed(0)} ms / node -e 0 ${nodeMs.toFixed(1)} ms = ${ratio.toFixed(2)}   target <= ${FIRST_FRAME_TARGET_RATIO}   ${startOk ? 'PASS' : 'MISS'}`,
  );
  const ok = consoleOk && startOk;
  if (strict && !ok) process.exitCode = 1;
  return ok;
}
