import { measureConsoleMemory, measureConsoleStart } from './measureConsoleStart.js';
import { BENCH_KEYS, BENCH_TERMINAL, measureTui } from './measureTui.js';
import { TUI_TARGETS } from './reportTui.js';
import { tuiBenchDatabase } from './tuiBenchDatabase.js';
import { reportTui } from './reportTui.js';

/** Findings in the console's bench database, and runs of each measurement. */
export const TUI_BENCH_FINDINGS = 100_000;
export const TUI_BENCH_ROUNDS = 3;

/** The console's first frame, from process start, at most this many times `node -e 0`. */
export const FIRST_FRAME_TARGET_RATIO = 5;
/** Spawns of the real `duban tui` for the first-frame figure. */
export const CONSOLE_START_RUNS = 7;

/**
 * `npm run bench`, part (d): the console on 100,000 findings next to the same keys on
 * 100 findings, measured in the same run, and the real `duban tui`'s first frame from
 * process start against `node -e 0`, both spawned in a pseudo-terminal in the same run.
 * Prints its block through `line`; under `--strict` a missed target sets a failing exit
 * code. Returns whether all targets were met.
 */
export async function printTuiBench(line: (text?: string) => void, strict: boolean): Promise<boolean> {
  line();
  const { large, chinese, baseline, wide } = await measureTui(TUI_BENCH_FINDINGS, TUI_BENCH_ROUNDS, line);
  const consoleOk = reportTui(large, chinese, baseline, wide, line, 'd');
  // The probe above runs the console's modules unbundled, in-process; a user starts the shipped bundle.
  const db = await tuiBenchDatabase(TUI_BENCH_FINDINGS, line);
  const start = await measureConsoleStart(db, 'office1', CONSOLE_START_RUNS, BENCH_TERMINAL);
  const ratio = start.medianMs / start.nodeMedianMs;
  const startOk = ratio <= FIRST_FRAME_TARGET_RATIO;
  line(
    `    duban tui, spawn to first frame with rows (${TUI_BENCH_FINDINGS.toLocaleString('en-US')} findings, median of ${start.runs}, min ${start.minMs.toFixed(0)} ms): ${start.medianMs.toFixed(0)} ms / node -e 0 ${start.nodeMedianMs.toFixed(1)} ms (same pseudo-terminal) = ${ratio.toFixed(2)}x   target <= ${FIRST_FRAME_TARGET_RATIO}x   ${startOk ? 'PASS' : 'MISS'}`,
  );
  const peakMb = await measureConsoleMemory(db, 'office1', BENCH_KEYS, BENCH_TERMINAL);
  line(
    `    duban tui, peak RSS over the same ${BENCH_KEYS.length} keys (${TUI_BENCH_FINDINGS.toLocaleString('en-US')} findings): ${peakMb.toFixed(0)} MB   target <= ${TUI_TARGETS.peakRssMb} MB   ${peakMb <= TUI_TARGETS.peakRssMb ? 'PASS' : 'MISS'}`,
  );
  const ok = consoleOk && startOk && peakMb <= TUI_TARGETS.peakRssMb;
  if (strict && !ok) process.exitCode = 1;
  return ok;
}
