import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { DubanError } from '../../errors/DubanError.js';
import { pluginTablePrefix } from './pluginTablePrefix.js';
import { tablesOfQuery } from './tablesOfQuery.js';

/**
 * Keeps a plugin's queries to its own tables. Every query a plugin builds through its
 * `ctx.db` passes here before it is compiled; one that names any other table (a core
 * table, another plugin's, the host's record of the plugin's migrations, a schema-qualified
 * name) or is raw SQL text as a whole is refused with `PLUGIN_SCOPE`, so nothing is read
 * or written. Raw fragments inside a built query (`sql\`count(*)\``) are not parsed.
 *
 * Plugins are trusted code running in-process: this guards against mistakes (a query that
 * reads the TB register, a migration that deletes audit rows), it is not a sandbox.
 */
export class PluginScope implements KyselyPlugin {
  readonly #pluginId: string;
  readonly #prefix: string;

  constructor(pluginId: string) {
    this.#pluginId = pluginId;
    this.#prefix = pluginTablePrefix(pluginId);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const { tables, raw } = tablesOfQuery(args.node);
    if (raw) {
      throw this.refuse('raw SQL text as a whole query', 'build it with the query builder (db.selectFrom, db.schema…) so its tables can be checked');
    }
    for (const table of tables) {
      if (!this.owns(table)) throw this.refuse(`table "${table}"`, `a plugin's queries may name only its own tables (${this.#prefix}*); use ctx.org, ctx.findings or ctx.instances for the core's`);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  private owns(table: string): boolean {
    return table.startsWith(this.#prefix) && !table.includes('.') && table.length > this.#prefix.length;
  }

  private refuse(what: string, hint: string): DubanError {
    return new DubanError('PLUGIN_SCOPE', `plugin ${this.#pluginId} may not query ${what}: ${hint}`, { details: { plugin: this.#pluginId } });
  }
}
