import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

// The org tables whose changes the revision counts: what access decisions read.
const ORG_TABLES = ['people', 'departments'] as const;

/**
 * The org's revision: one counter row, advanced by triggers on every change of people
 * or departments, whoever makes it (an import, another process, a hand edit). Readers
 * that keep the org in memory (access decisions, on every event) read this one row and
 * read the org again only when it moved.
 */
export const orgRevisionMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('org_revision')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('revision', 'bigint', (c) => c.notNull())
      .execute();
    await db.insertInto('org_revision').values({ id: 1, revision: 0 }).execute();
    const bump = 'update org_revision set revision = revision + 1 where id = 1';
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql.raw(`create function duban_bump_org_revision() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`).execute(db);
      for (const table of ORG_TABLES) {
        await sql
          .raw(`create trigger ${table}_org_revision after insert or update or delete or truncate on ${table} for each statement execute function duban_bump_org_revision()`)
          .execute(db);
      }
      return;
    }
    for (const table of ORG_TABLES) {
      for (const change of ['insert', 'update', 'delete']) {
        await sql.raw(`create trigger ${table}_org_revision_${change} after ${change} on ${table} begin ${bump}; end`).execute(db);
      }
    }
  },
};
