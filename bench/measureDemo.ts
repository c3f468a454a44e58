import { spawnSync } from 'node:child_process';
import { dubanBin } from './measureStartup.js';
import { tempDatabaseFile, type TempDatabaseFile } from './tempDatabaseFile.js';

/** One `duban demo` run: how long it took, how many events it wrote, and the database it built. */
export interface DemoRun {
  readonly seconds: number;
  /** Audit rows written: every accepted event, start and import is one. */
  readonly events: number;
  readonly perSecond: number;
  readonly database: TempDatabaseFile;
}

/**
 * Builds the demo hospital with `duban demo --json` in a temp file, as a user would on the
 * first `npm start`, and times it from spawn to exit. The database stays for the CLI
 * start-up figures (`findings list` on the demo database); the caller removes it.
 *
 * @throws Error when the command fails.
 */
export function measureDemo(): DemoRun {
  const database = tempDatabaseFile('demo');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [dubanBin(), 'demo', '--db', database.file, '--json'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    database.remove();
    throw new Error(`duban demo exited ${result.status}: ${result.stderr.trim()}`);
  }
  const events = (JSON.parse(result.stdout) as { auditRows: number }).auditRows;
  return { seconds, events, perSecond: events / seconds, database };
}
