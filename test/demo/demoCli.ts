import { CLI_TEST_TIMEOUT, runDuban, runDubanJson, type CliOptions } from '../support/cli.js';

/** The time limit of a test that builds a demo hospital (tens of seconds each, more on a busy machine). */
export const DEMO_TEST_TIMEOUT = CLI_TEST_TIMEOUT;

/** A fixed "now" for demos that must compare equal: the history ends here. */
export const FIXED_NOW = '2026-11-23T10:00:00+08:00';

/** A finding as `findings list --json` prints it (the fields the demo tests read). */
export interface ListedFinding {
  readonly id: string;
  readonly department: string;
  readonly category: string;
  readonly subject: string;
  readonly severity: string;
  readonly status: string;
  readonly level: number;
  readonly overdue: boolean;
  readonly flagged: boolean;
  readonly reopenCount: number;
}

/** Runs `duban demo --db <db> --json <args>` and returns its summary. */
export async function buildDemo(db: string, args: readonly string[] = [], options: CliOptions = {}): Promise<any> {
  return runDubanJson(['demo', '--db', db, '--json', ...args], options);
}

/** Every finding of the database, through `findings list --json`. */
export async function listFindings(db: string, args: readonly string[] = [], options: CliOptions = {}): Promise<ListedFinding[]> {
  return runDubanJson(['findings', 'list', '--db', db, '--json', ...args], options);
}

/** The findings without their ids, sorted: what two demos with one seed must share. */
export function findingContent(findings: readonly ListedFinding[]): string[] {
  return findings.map((f) => [f.category, f.department, f.subject, f.severity, f.status, f.level, f.flagged, f.reopenCount].join('|')).sort();
}

export { runDuban };
