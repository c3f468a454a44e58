import { loadavg } from 'node:os';
import { BENCH_KEYS, BENCH_TERMINAL, WIDE_TERMINAL, type TuiFigures } from './measureTui.js';

/** The console's targets (issue 5). */
export const TUI_TARGETS = { firstFrameMs: 500, keyP95Ms: 16, peakRssMb: 200 } as const;

/**
 * Prints the console's figures on the large database, in English and in Chinese, next
 * to the 100-finding baseline measured in the same run, each target with its verdict
 * (judged on the worse of the two languages), then the same keys on a wide terminal
 * for context. Returns whether the first-frame and key targets were met (peak memory is
 * judged on the shipped CLI, by printTuiBench).
 */
export function reportTui(large: TuiFigures, chinese: TuiFigures, baseline: TuiFigures, wide: TuiFigures, line: (text?: string) => void, label = 'd'): boolean {
  const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const worst = (pick: (f: TuiFigures) => number) => Math.max(pick(large), pick(chinese));
  const firstOk = worst((f) => f.firstFrameMs) <= TUI_TARGETS.firstFrameMs;
  const keyOk = worst((f) => f.keyP95Ms) <= TUI_TARGETS.keyP95Ms;
  const count = (f: TuiFigures) => f.findings.toLocaleString('en-US');
  const pad = (text: string) => text.padStart(11);
  const row = (name: string, pick: (f: TuiFigures) => string, target = '') => line(`    ${name.padEnd(24)}${pad(pick(large))} ${pad(pick(chinese))} ${pad(pick(baseline))}   ${target}`);
  const size = `${BENCH_TERMINAL.columns}x${BENCH_TERMINAL.rows}`;
  line(`(${label}) the console (duban tui) on a ${size} terminal, ${BENCH_KEYS.length} keys a run, each 33 ms after the last frame; median of runs`);
  line(`    ${''.padEnd(24)}${pad('en')} ${pad('zh-CN')} ${pad('baseline')}   target (the worse of en and zh-CN)`);
  row('findings', count);
  row('first frame (console)', (f) => `${fmt(f.firstFrameMs, 0)} ms`, `<= ${TUI_TARGETS.firstFrameMs} ms  ${verdict(firstOk)}`);
  row('  from process start', (f) => `${fmt(f.fromProcessStartMs, 0)} ms`, '(the probe: modules unbundled; the shipped CLI below)');
  row('key to frame, median', (f) => `${fmt(f.keyMedianMs)} ms`);
  row('key to frame, p95', (f) => `${fmt(f.keyP95Ms)} ms`, `<= ${TUI_TARGETS.keyP95Ms} ms   ${verdict(keyOk)}`);
  row('peak RSS (probe)', (f) => `${fmt(f.peakRssMb, 0)} MB`, `(modules unbundled; the shipped CLI's, judged, below)`);
  row('CPU per key', (f) => `${fmt(f.cpuPerKeyMs)} ms`, '(process CPU; wall times include waiting for a CPU)');
  line(`    on ${WIDE_TERMINAL.columns}x${WIDE_TERMINAL.rows} (detail beside the list), ${count(wide)} findings: key to frame median ${fmt(wide.keyMedianMs)} ms, p95 ${fmt(wide.keyP95Ms)} ms; peak RSS ${fmt(wide.peakRssMb, 0)} MB`);
  const runs = [large, chinese, baseline];
  line(`    (keys timed: ${runs.map((f) => f.keys).join(' / ')}, without a frame in 2 s: ${runs.map((f) => f.keysWithoutFrame).join(' / ')}; cursor ended at ${runs.map((f) => f.endedAt ?? '?').join(' / ')}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  return firstOk && keyOk;
}
