import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measureStartup.js';
import { tuiBenchDatabase } from './tuiBenchDatabase.js';

/** One probe run's figures (see tuiProbe.ts). */
interface ProbeResult {
  readonly importedAt: number;
  readonly openedAt: number;
  readonly firstFrameAt: number;
  readonly firstDataFrameAt: number;
  readonly latencies: readonly number[];
  readonly unchanged: number;
  readonly position: string | null;
  readonly maxRssMb: number;
  readonly cpuPerKeyMs: number;
}

/** The console's figures on one database. */
export interface TuiFigures {
  readonly findings: number;
  /** From the console's start (engine open, Ink rendering) to the first frame with rows and the count, median of the runs. */
  readonly firstFrameMs: number;
  /** From process start to that frame: Node, loading the modules, opening the engine, then the above. */
  readonly fromProcessStartMs: number;
  readonly keyMedianMs: number;
  readonly keyP95Ms: number;
  readonly keys: number;
  /** Keys after which no frame came within the probe's timeout (none expected). */
  readonly keysWithoutFrame: number;
  readonly peakRssMb: number;
  /** Process CPU time per key (user + system), median of the runs: what a key costs, whatever else the machine runs. */
  readonly cpuPerKeyMs: number;
  readonly endedAt: string | null;
}

/** The terminal the targets are judged on (the detail below the list), and a wide one (the detail beside it). */
export const BENCH_TERMINAL = { columns: 120, rows: 40 } as const;
export const WIDE_TERMINAL = { columns: 160, rows: 48 } as const;

const times = (n: number, key: string) => Array<string>(n).fill(key);

/**
 * The keys typed in every run, each of which moves the cursor on both databases (the
 * 100-finding one shows 93 rows under the `status:active` filter): down and up, half
 * pages down and up, to the last row and the first. On 100,000 findings `G` jumps to
 * the last page, read with an offset of ~100,000 while the frame shows placeholders.
 */
export const BENCH_KEYS: readonly string[] = [
  ...times(90, 'j'),
  ...times(90, 'k'),
  ...times(4, '\u0004'),
  ...times(4, '\u0015'),
  'G',
  ...times(45, 'k'),
  'g',
  ...times(45, 'j'),
];

/**
 * Runs the console in child processes on a database of `count` findings and on the
 * 100-finding baseline, alternately (`rounds` each, so both see the same machine load),
 * typing {@link BENCH_KEYS} with a human key-repeat gap, on {@link BENCH_TERMINAL}; and
 * the large one twice more a round: in Chinese, the office's language (wider text, and
 * none of it on string-width's ASCII fast path), and on {@link WIDE_TERMINAL}. Measures time to the first
 * frame, keypress to next frame (median, p95 over every key of every round) and peak RSS.
 */
export async function measureTui(
  count: number,
  rounds: number,
  log: (text: string) => void,
): Promise<{ large: TuiFigures; chinese: TuiFigures; baseline: TuiFigures; wide: TuiFigures }> {
  const largeDb = await tuiBenchDatabase(count, log);
  const baselineDb = await tuiBenchDatabase(100, log);
  const probe = fileURLToPath(new URL('./tuiProbe.js', import.meta.url));
  const runs: Record<'large' | 'chinese' | 'baseline' | 'wide', ProbeResult[]> = { large: [], chinese: [], baseline: [], wide: [] };
  for (let round = 0; round < rounds; round++) {
    runs.baseline.push(runProbe(probe, baselineDb, BENCH_TERMINAL));
    runs.large.push(runProbe(probe, largeDb, BENCH_TERMINAL));
    runs.chinese.push(runProbe(probe, largeDb, BENCH_TERMINAL, 'zh-CN'));
    runs.wide.push(runProbe(probe, largeDb, WIDE_TERMINAL));
    const ms = (r: ProbeResult) => `${(r.firstDataFrameAt - r.openedAt).toFixed(0)} ms`;
    log(`  round ${round + 1}/${rounds}: first frame ${ms(runs.large.at(-1)!)} after open (baseline ${ms(runs.baseline.at(-1)!)})`);
  }
  return { large: figures(count, runs.large), chinese: figures(count, runs.chinese), baseline: figures(100, runs.baseline), wide: figures(count, runs.wide) };
}

function runProbe(probe: string, db: string, terminal: { columns: number; rows: number }, lang: 'en' | 'zh-CN' = 'en'): ProbeResult {
  const result = spawnSync(process.execPath, [probe, db, JSON.stringify(BENCH_KEYS)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, PROBE_COLUMNS: String(terminal.columns), PROBE_ROWS: String(terminal.rows), PROBE_LANG: lang },
  });
  if (result.status !== 0) throw new Error(`tui probe failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1)!) as ProbeResult;
}

function figures(findings: number, runs: readonly ProbeResult[]): TuiFigures {
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    findings,
    firstFrameMs: median(runs.map((r) => r.firstDataFrameAt - r.openedAt)),
    fromProcessStartMs: median(runs.map((r) => r.firstDataFrameAt)),
    keyMedianMs: median(all),
    keyP95Ms: all[Math.min(all.length - 1, Math.ceil(all.length * 0.95) - 1)] ?? NaN,
    keys: all.length,
    keysWithoutFrame: runs.reduce((n, r) => n + r.unchanged, 0),
    peakRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    cpuPerKeyMs: median(runs.map((r) => r.cpuPerKeyMs)),
    endedAt: runs.at(-1)?.position ?? null,
  };
}
