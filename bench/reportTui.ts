import { loadavg } from 'node:os';
import type { TuiFigures } from './measureTui.js';

/** The console's targets (issue 5). */
export const TUI_TARGETS = { firstFrameMs: 500, keyP95Ms: 16, peakRssMb: 200 } as const;

/**
 * Prints the console's figures next to the 100-finding baseline measured in the same
 * run, each with its target and verdict. Returns whether all three targets were met.
 */
export function reportTui(large: TuiFigures, baseline: TuiFigures, line: (text?: string) => void, label = 'd'): boolean {
  const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const firstOk = large.firstFrameMs <= TUI_TARGETS.firstFrameMs;
  const keyOk = large.keyP95Ms <= TUI_TARGETS.keyP95Ms;
  const rssOk = large.peakRssMb <= TUI_TARGETS.peakRssMb;
  const n = (f: TuiFigures) => `${f.findings.toLocaleString('en-US')} findings`;
  const pad = (text: string) => text.padStart(9);
  line(`(${label}) the console (duban tui), ${n(large)} vs ${n(baseline)}; a 160x48 terminal in-process, ${large.keys + large.keysWithoutChange} keys a run, 33 ms apart`);
  line(`                              ${pad(n(large).split(' ')[0]!)}   ${pad(n(baseline).split(' ')[0]!)}   target`);
  line(`    first frame (from start)  ${pad(`${fmt(large.firstFrameMs, 0)} ms`)}   ${pad(`${fmt(baseline.firstFrameMs, 0)} ms`)}   <= ${TUI_TARGETS.firstFrameMs} ms  ${verdict(firstOk)}`);
  line(`      of which after open     ${pad(`${fmt(large.afterOpenMs, 0)} ms`)}   ${pad(`${fmt(baseline.afterOpenMs, 0)} ms`)}`);
  line(`    key to frame, median      ${pad(`${fmt(large.keyMedianMs)} ms`)}   ${pad(`${fmt(baseline.keyMedianMs)} ms`)}`);
  line(`    key to frame, p95         ${pad(`${fmt(large.keyP95Ms)} ms`)}   ${pad(`${fmt(baseline.keyP95Ms)} ms`)}   <= ${TUI_TARGETS.keyP95Ms} ms   ${verdict(keyOk)}`);
  line(`    peak RSS                  ${pad(`${fmt(large.peakRssMb, 0)} MB`)}   ${pad(`${fmt(baseline.peakRssMb, 0)} MB`)}   <= ${TUI_TARGETS.peakRssMb} MB  ${verdict(rssOk)}`);
  line(`    CPU per key               ${pad(`${fmt(large.cpuPerKeyMs)} ms`)}   ${pad(`${fmt(baseline.cpuPerKeyMs)} ms`)}   (process CPU time; wall times above include waiting for a CPU)`);
  line(`    (keys without a visible change, not timed: ${large.keysWithoutChange} vs ${baseline.keysWithoutChange}; cursor ended at ${large.endedAt ?? '?'} vs ${baseline.endedAt ?? '?'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  return firstOk && keyOk && rssOk;
}
