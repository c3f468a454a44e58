import Database from 'better-sqlite3';

/**
 * Plain SQL on a test database from outside duban: better-sqlite3 on a SQLite file, the
 * pg client on PostgreSQL. Statements use `?` placeholders; they are numbered for pg.
 * This is how tests read what a process left behind and how they tamper with it.
 */
export interface RawSql {
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  close(): Promise<void>;
}

/** Opens a {@link RawSql} on a target as `DUBAN_DB` would name it. */
export async function openRawSql(target: string): Promise<RawSql> {
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    const numbered = (sql: string) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    return {
      all: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(numbered(sql), [...params])).rows as T[],
      run: async (sql, params = []) => (await client.query(numbered(sql), [...params])).rowCount ?? 0,
      close: () => client.end(),
    };
  }
  const db = new Database(target);
  db.pragma('busy_timeout = 10000');
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).all(...params) as T[],
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
    close: async () => void db.close(),
  };
}

/** `select count(*)` of a table, as a number on both dialects (pg returns a string). */
export async function countRows(sql: RawSql, table: string, where = '', params: readonly unknown[] = []): Promise<number> {
  const rows = await sql.all<{ n: number | string }>(`select count(*) as n from ${table}${where ? ` where ${where}` : ''}`, params);
  return Number(rows[0]!.n);
}
