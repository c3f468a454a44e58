import type { DubanConfig } from '../core/config/DubanConfig.js';
import type { PluginCandidate } from '../core/plugin/PluginRegistry.js';
import { importModule } from './importModule.js';

/**
 * The config file's plugins, as candidates for the registry. Nothing is resolved or
 * imported until one is loaded: a command that needs no plugin pays for none.
 */
export function configPlugins(config: DubanConfig): PluginCandidate[] {
  return (config.plugins ?? []).map((ref) => ({
    source: ref,
    load: async () => {
      const { resolvePluginModule } = await import('../core/plugin/resolvePluginModule.js');
      return importModule(resolvePluginModule(ref, config.pluginsDir ?? config.configDir));
    },
  }));
}
