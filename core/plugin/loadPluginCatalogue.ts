import type { Logger } from '../runtime/Logger.js';
import { DEFAULT_SETTINGS } from '../runtime/Settings.js';
import { pluginLogger } from './createPluginServices.js';
import { PluginRegistry, type PluginCandidate } from './PluginRegistry.js';

/** Options of {@link loadPluginCatalogue}. */
export interface PluginCatalogueOptions {
  readonly logger: Logger;
  readonly reservedCommandGroups?: readonly string[];
  /** Per-plugin config sections, by plugin id. */
  readonly pluginConfig?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** How long a plugin's import and its `register()` may each take (the engine's `pluginLoadTimeoutMs`). */
  readonly timeoutMs?: number;
}

/**
 * Loads plugins for what they declare (task types, commands), the same checks as the
 * engine's loading, but without a database: no migrations run and no chains are
 * registered. For commands that read no data, such as `duban chains validate`.
 */
export async function loadPluginCatalogue(candidates: readonly PluginCandidate[], options: PluginCatalogueOptions): Promise<PluginRegistry> {
  const plugins = new PluginRegistry();
  await plugins.load(candidates, {
    log: (id) => pluginLogger(options.logger, id),
    reservedCommandGroups: options.reservedCommandGroups,
    timeoutMs: options.timeoutMs ?? DEFAULT_SETTINGS.pluginLoadTimeoutMs,
    migrate: async () => undefined,
    registerChains: async () => undefined,
    config: (id) => options.pluginConfig?.[id] ?? {},
  });
  return plugins;
}
