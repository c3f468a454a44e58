import type { Kysely, Migration } from 'kysely';

/**
 * Trust boundaries: who acted on whose behalf (`audit_log.by_person`, null when the actor
 * acted as themself; rows before this migration hash as before), which owner a chain id
 * belongs to (`chain_definitions.owner`: `core` or a plugin id; a plugin's definitions
 * stored before are claimed by the plugin that next registers a version of that id, and
 * never count as a core chain's versions), and the logins (OS account
 * names, database roles) that identify a person (`people.logins`, comma-separated).
 */
export const trustMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('audit_log').addColumn('by_person', 'text').execute();
    await db.schema.alterTable('chain_definitions').addColumn('owner', 'text').execute();
    await db.updateTable('chain_definitions').set({ owner: 'core' }).where('source', 'like', 'core:%').execute();
    await db.schema.alterTable('people').addColumn('logins', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
};
