import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A SQLite file path in a fresh temp folder, and how to remove the folder. */
export interface TempDatabaseFile {
  readonly file: string;
  remove(): void;
}

/**
 * A temp SQLite file on the same file system for every measurement, so the engine and
 * the raw ceiling pay the same fsync.
 */
export function tempDatabaseFile(label: string): TempDatabaseFile {
  const dir = mkdtempSync(join(tmpdir(), `duban-bench-${label}-`));
  return { file: join(dir, `${label}.db`), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
