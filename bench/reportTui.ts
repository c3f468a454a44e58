import { loadavg } from 'node:os';
import { BENCH_KEYS, BENCH_TERMINAL, WIDE_TERMINAL, type TuiFigures } from './measureTui.js';

/** The console's targets (issue 5). */
export const TUI_TARGETS = { firstFrameMs: 500, keyP95Ms: 16, peakRssMb: 200 } as const;

/**
 * Prints the console's figures next to the 100-finding baseline measured in the same
 * run, each with its target and verdict, then the same keys on a wide terminal for
 * context. Returns whether the three targets were met.
 */
export function reportTui(large: TuiFigures, baseline: TuiFigures, wide: TuiFigures, line: (text?: string) => void, label = 'd'): boolean {
  const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const firstOk = large.firstFrameMs <= TUI_TARGETS.firstFrameMs;
  const keyOk = large.keyP95Ms <= TUI_TARGETS.keyP95Ms;
  const rssOk = large.peakRssMb <= TUI_TARGETS.peakRssMb;
  const count = (f: TuiFigures) => f.findings.toLocaleString('en-US');
  const pad = (text: string) => text.padStart(9);
  const row = (name: string, a: string, b: string, target = '') => line(`    ${name.padEnd(26)}${pad(a)}   ${pad(b)}   ${target}`);
  const size = `${BENCH_TERMINAL.columns}x${BENCH_TERMINAL.rows}`;
  line(`(${label}) the console (duban tui) on a ${size} terminal, ${BENCH_KEYS.length} keys a run 33 ms apart; median of runs`);
  row('findings', count(large), count(baseline), 'target');
  row('first frame (console)', `${fmt(large.firstFrameMs, 0)} ms`, `${fmt(baseline.firstFrameMs, 0)} ms`, `<= ${TUI_TARGETS.firstFrameMs} ms  ${verdict(firstOk)}`);
  row('  from process start', `${fmt(large.fromProcessStartMs, 0)} ms`, `${fmt(baseline.fromProcessStartMs, 0)} ms`, '(Node and module loading included; see (b))');
  row('key to frame, median', `${fmt(large.keyMedianMs)} ms`, `${fmt(baseline.keyMedianMs)} ms`);
  row('key to frame, p95', `${fmt(large.keyP95Ms)} ms`, `${fmt(baseline.keyP95Ms)} ms`, `<= ${TUI_TARGETS.keyP95Ms} ms   ${verdict(keyOk)}`);
  row('peak RSS', `${fmt(large.peakRssMb, 0)} MB`, `${fmt(baseline.peakRssMb, 0)} MB`, `<= ${TUI_TARGETS.peakRssMb} MB  ${verdict(rssOk)}`);
  row('CPU per key', `${fmt(large.cpuPerKeyMs)} ms`, `${fmt(baseline.cpuPerKeyMs)} ms`, '(process CPU; wall times include waiting for a CPU)');
  line(`    on ${WIDE_TERMINAL.columns}x${WIDE_TERMINAL.rows} (detail beside the list), ${count(wide)} findings: key to frame median ${fmt(wide.keyMedianMs)} ms, p95 ${fmt(wide.keyP95Ms)} ms; peak RSS ${fmt(wide.peakRssMb, 0)} MB`);
  line(`    (keys timed: ${large.keys} vs ${baseline.keys}, without a frame in 2 s: ${large.keysWithoutFrame} vs ${baseline.keysWithoutFrame}; cursor ended at ${large.endedAt ?? '?'} vs ${baseline.endedAt ?? '?'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  return firstOk && keyOk && rssOk;
}
