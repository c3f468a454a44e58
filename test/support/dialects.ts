import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A database for one test: its target string and how to throw it away. */
export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly target: string;
  drop(): Promise<void>;
}

/**
 * The PostgreSQL server the tests use: `DUBAN_TEST_PG` (an admin URL), else the local
 * default. CI starts one and sets the variable, which makes PostgreSQL mandatory there.
 * `DUBAN_TEST_PG=off` leaves PostgreSQL out on purpose (CI's SQLite-only Node 24 smoke run).
 */
export const PG_ADMIN_URL = process.env.DUBAN_TEST_PG ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  if (process.env.DUBAN_TEST_PG === 'off') return false;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.DUBAN_TEST_PG) throw new Error(`DUBAN_TEST_PG is set but PostgreSQL is not reachable: ${(error as Error).message}`);
    return false;
  }
}

/** The dialects every storage test runs on: SQLite always, PostgreSQL where its server is up. */
export const DIALECTS: readonly ('sqlite' | 'postgres')[] = (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];

/** Creates an empty database of the dialect: a temp SQLite file, or a fresh PostgreSQL database. */
export async function createTestDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'duban-test-'));
    return { dialect, target: join(dir, 'duban.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { default: pg } = await import('pg');
  const name = `duban_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    target: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
