import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreMigrations } from '../core/store/migrations/coreMigrations.js';
import { bulkSeedFindings } from './seed/bulkSeedFindings.js';

// Bumped whenever the fixture's shape changes, so a stale cached file is never reused.
const FIXTURE_VERSION = 1;

/**
 * The bench database of `count` findings, made by {@link bulkSeedFindings} (the fixture
 * hospital through the engine, the rest bulk-inserted consistently) and kept in the temp
 * folder between runs: 100 000 findings take a minute or two to write, and the bench
 * measures reading them, not writing them. Built under a temporary name and renamed, so
 * an interrupted build is never picked up.
 */
export async function tuiBenchDatabase(count: number, log: (text: string) => void): Promise<string> {
  const dir = join(tmpdir(), 'duban-bench-tui');
  // Named by the schema too: a file migrated by a newer schema is unreadable to an older one, and the reverse is stale.
  const schema = Object.keys(coreMigrations).at(-1) ?? 'none';
  const file = join(dir, `v${FIXTURE_VERSION}-${schema}-${count}.db`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const building = join(dir, `building-${process.pid}-${count}.db`);
  log(`  building the ${count.toLocaleString('en-US')}-finding bench database (once; kept in ${dir})…`);
  const started = Date.now();
  try {
    await bulkSeedFindings(building, { count, seed: 42 });
    // Fold the WAL into the main file before renaming it alone.
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(building);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    renameSync(building, file);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  }
  log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return file;
}
