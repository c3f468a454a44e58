import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Store } from '../store/Store.js';
import { backupDatabase, type BackupResult } from './backupDatabase.js';

/** Where `serve` keeps its daily backups, and how many. */
export interface DailyBackupSettings {
  readonly dir: string;
  /** The newest this many daily backups are kept; older ones are removed. */
  readonly keep: number;
}

/** What one call did: the backup taken (none when today's exists) and the files pruned. */
export interface DailyBackupOutcome {
  readonly taken?: BackupResult;
  readonly pruned: readonly string[];
}

const DAILY = /^duban-(\d{4}-\d{2}-\d{2})\.(db|dump)$/;

/**
 * Takes today's backup when there is none yet: one per calendar day in `timeZone`
 * (the day `now` falls on there), named `duban-YYYY-MM-DD.db` (a pg_dump archive:
 * `.dump`), verified as every backup is ({@link backupDatabase}); then removes the oldest
 * daily backups beyond `keep`. Files in the folder with other names are left alone.
 */
export async function takeDailyBackup(store: Store, target: string, settings: DailyBackupSettings, now: Date, timeZone: string): Promise<DailyBackupOutcome> {
  const dir = resolve(settings.dir);
  const day = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  const file = join(dir, `duban-${day}.${store.dialect === 'sqlite' ? 'db' : 'dump'}`);
  if (existsSync(file)) return { pruned: [] };
  mkdirSync(dir, { recursive: true });
  const taken = await backupDatabase(store, target, file);
  const daily = readdirSync(dir).filter((name) => DAILY.test(name)).sort();
  const pruned = daily.slice(0, Math.max(0, daily.length - settings.keep)).map((name) => join(dir, name));
  for (const old of pruned) rmSync(old, { force: true });
  return { taken, pruned };
}
