import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import envPaths from 'env-paths';
import type { GlobalOptions } from '../../session.js';
import { seedFixtureDatabase } from './seedFixtureDatabase.js';

/** How many findings the demo database gets: enough to scroll, quick to create (a few seconds). */
const DEMO_FINDINGS = 300;

/**
 * `duban tui --demo` (and `npm start`): points the command at the demo database,
 * `demo.db` in the XDG data folder unless `--db` says otherwise, acting as the quality
 * office's `office1` unless `--as` says otherwise, and creates it the first time with
 * the fixture hospital. Stands in for the demo hospital until `duban demo` exists.
 */
export async function prepareDemo(command: Command): Promise<void> {
  const root = command.parent ?? command;
  const opts = command.optsWithGlobals<GlobalOptions>();
  const db = opts.db ?? join(envPaths('duban', { suffix: '' }).data, 'demo.db');
  if (!opts.db) root.setOptionValue('db', db);
  if (!opts.as) root.setOptionValue('as', 'office1');
  if (db.includes('://') || existsSync(db)) return;
  mkdirSync(dirname(db), { recursive: true });
  process.stderr.write(`duban: creating the demo hospital in ${db}\n`);
  await seedFixtureDatabase(db, { count: DEMO_FINDINGS, seed: 2026 });
}
