import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** The slice of a better-sqlite3 handle Kysely's SQLite dialect uses. */
interface PreparingDatabase {
  close(): void;
  prepare(sql: string): SqliteStatement & { readonly busy?: boolean };
}

/**
 * Wraps a better-sqlite3 handle so `prepare` reuses statements by SQL text. Kysely's
 * SQLite driver prepares every query anew, which measured as the largest single cost of
 * an event (about a fifth of its CPU time); duban's queries are few and repeated. A
 * statement still iterating (a streamed query) is never handed out twice: a fresh one is
 * prepared instead. SQLite re-prepares a cached statement itself after a schema change.
 * The cache keeps the `max` most recently used statements.
 */
export function withStatementCache(db: PreparingDatabase, max = 256): SqliteDatabase {
  const cache = new Map<string, SqliteStatement & { readonly busy?: boolean }>();
  return {
    close: () => {
      cache.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        // Re-insert to mark it most recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = db.prepare(sql);
      if (!hit) {
        cache.set(sql, statement);
        if (cache.size > max) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
