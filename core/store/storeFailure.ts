import { DubanError, isDubanError } from '../errors/DubanError.js';
import type { ErrorCode } from '../errors/errorCodes.js';

/**
 * SQLite result codes (better-sqlite3's `error.code`) to duban's codes, by prefix: the
 * extended codes (`SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DIRECTORY`) share their base's
 * meaning. The most specific prefix is listed first.
 */
const SQLITE_CODES: readonly (readonly [string, ErrorCode, string])[] = [
  ['SQLITE_READONLY_DBMOVED', 'DB_GONE', 'the database file was moved or deleted while open'],
  ['SQLITE_READONLY', 'DB_READONLY', 'the database (or its folder) cannot be written'],
  ['SQLITE_CANTOPEN', 'DB_IO_FAILED', 'a file of the database (the file itself, its -wal or -shm, or its folder) cannot be opened'],
  ['SQLITE_IOERR', 'DB_IO_FAILED', 'the disk failed reading or writing the database'],
  ['SQLITE_FULL', 'DB_IO_FAILED', 'the disk holding the database is full'],
];

/**
 * The store boundary's one translation of a storage failure into a coded DubanError
 * naming the database, so every face says `DB_READONLY: …` rather than a driver's
 * message and stack. Anything else (a constraint, a DubanError) is returned unchanged.
 */
export function storeFailure(error: unknown, target: string): unknown {
  if (isDubanError(error)) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return error;
  const known = SQLITE_CODES.find(([prefix]) => code.startsWith(prefix));
  if (!known) return error;
  const [, dubanCode, meaning] = known;
  return new DubanError(dubanCode, `${target}: ${meaning} (${code}: ${(error as Error).message})`, { place: { file: target }, cause: error });
}
