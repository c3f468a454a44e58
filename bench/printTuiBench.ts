import { measureTui } from './measureTui.js';
import { reportTui } from './reportTui.js';

/** Findings in the console's bench database, and runs of each measurement. */
export const TUI_BENCH_FINDINGS = 100_000;
export const TUI_BENCH_ROUNDS = 3;

/**
 * `npm run bench`, part (d): the console on 100,000 findings next to the same keys on
 * 100 findings, measured in the same run. Prints its block through `line`; under
 * `--strict` a missed target sets a failing exit code. Returns whether all targets were met.
 */
export async function printTuiBench(line: (text?: string) => void, strict: boolean): Promise<boolean> {
  line();
  const { large, chinese, baseline, wide } = await measureTui(TUI_BENCH_FINDINGS, TUI_BENCH_ROUNDS, line);
  const ok = reportTui(large, chinese, baseline, wide, line, 'd');
  if (strict && !ok) process.exitCode = 1;
  return ok;
}
