import type { Kysely } from 'kysely';
import { PluginScope } from './PluginScope.js';

/**
 * The database handle a plugin receives: the host's connection, with every query checked
 * by {@link PluginScope} against the plugin's own tables. Typed by the plugin's schema.
 */
export function scopedDb<DB = any>(db: Kysely<any>, pluginId: string): Kysely<DB> {
  return db.withPlugin(new PluginScope(pluginId)) as Kysely<DB>;
}
