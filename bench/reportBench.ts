import Database from 'better-sqlite3';
import { buildReport, createDuban, monthPeriod, SystemClock, type Duban } from '../core/index.js';
import { builtinPlugins } from '../plugins/index.js';
import { writeReportBenchData } from './reportBenchData.js';
import { tempDatabaseFile } from './tempDatabaseFile.js';

/** The target: the monthly report over a million audit rows within a second. */
export const REPORT_TARGET_MS = 1000;
const AUDIT_ROWS = 1_000_000;
const SMALL_AUDIT_ROWS = 10_000;
const RUNS = 5;
const MONTH = '2026-06';

/** The timings of the report bench, in milliseconds (medians). */
export interface ReportBenchResult {
  readonly reportMs: number;
  readonly countMs: number;
  readonly smallReportMs: number;
  readonly auditRows: number;
  readonly findings: number;
  readonly ok: boolean;
}

/**
 * `npm run bench`, part (g): the monthly report (every section of the built-in plugins)
 * over 1,000,000 audit rows on a temp SQLite file, against two baselines measured in the
 * same run: a plain `SELECT count(*)` pass over every row of the same table, and the same
 * report over a 10,000-row database. Each figure is the median of five runs after one warm-up.
 */
export async function measureMonthlyReport(): Promise<ReportBenchResult> {
  const big = await reportTimings(AUDIT_ROWS);
  const small = await reportTimings(SMALL_AUDIT_ROWS);
  return { reportMs: big.reportMs, countMs: big.countMs, smallReportMs: small.reportMs, auditRows: big.auditRows, findings: big.findings, ok: big.reportMs <= REPORT_TARGET_MS };
}

/**
 * Runs the bench and prints its block through `line`; under `--strict` a missed target
 * sets a failing exit code. Returns whether the target was met.
 */
export async function printReportBench(line: (text?: string) => void, strict: boolean): Promise<boolean> {
  const r = await measureMonthlyReport();
  const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`;
  line();
  line(`(g) monthly report (${MONTH}, every section) over ${r.auditRows.toLocaleString('en-US')} audit rows, ${r.findings.toLocaleString('en-US')} findings; median of ${RUNS}`);
  line(`    report            ${ms(r.reportMs)}   target <= ${REPORT_TARGET_MS} ms   ${r.ok ? 'PASS' : 'MISS'}`);
  line(`    baseline scan     ${ms(r.countMs)}   (SELECT count(*) FROM audit_log WHERE length(data) > 0: one pass over the same table)`);
  line(`    baseline 10k rows ${ms(r.smallReportMs)}   (the same report over ${SMALL_AUDIT_ROWS.toLocaleString('en-US')} audit rows)`);
  if (strict && !r.ok) process.exitCode = 1;
  return r.ok;
}

async function reportTimings(auditRows: number): Promise<{ reportMs: number; countMs: number; auditRows: number; findings: number }> {
  const temp = tempDatabaseFile(`report-${auditRows}`);
  try {
    const data = await writeReportBenchData(temp.file, auditRows);
    const raw = new Database(temp.file, { readonly: true });
    const countMs = medianOf(RUNS, () => {
      const start = process.hrtime.bigint();
      // length(data) makes SQLite read every row: count(*) alone only counts index pages.
      raw.prepare('select count(*) as n from audit_log where length(data) > 0').get();
      return Number(process.hrtime.bigint() - start) / 1e6;
    });
    raw.close();
    const duban: Duban = await createDuban({ db: temp.file, clock: new SystemClock(), plugins: builtinPlugins });
    try {
      const period = monthPeriod(MONTH, duban.settings.timeZone, new Date('2027-01-01T00:00:00Z'));
      const once = async () => {
        const start = process.hrtime.bigint();
        const report = await buildReport(duban, { period });
        if (report.failures.length > 0) throw new Error(`report bench: ${JSON.stringify(report.failures)}`);
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      await once();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await once());
      return { reportMs: median(times), countMs, auditRows: data.auditRows, findings: data.findings };
    } finally {
      await duban.close();
    }
  } finally {
    temp.remove();
  }
}

function medianOf(runs: number, measure: () => number): number {
  measure();
  return median(Array.from({ length: runs }, measure));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
