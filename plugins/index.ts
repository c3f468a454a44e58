import type { PluginCandidate } from '../core/index.js';

/**
 * The plugins that ship with duban, loaded before any from the config file. Each loads
 * only when asked, and says which command group it declares, so `duban tb classify`
 * loads the tb-lab plugin alone (a test checks each group against the loaded plugin).
 */
export const builtinPlugins: readonly PluginCandidate[] = [
  { source: 'builtin:quality-office', commandGroup: null, load: async () => (await import('./quality-office/index.js')).plugin },
  { source: 'builtin:medtech', commandGroup: 'medtech', load: async () => (await import('./medtech/index.js')).plugin },
  { source: 'builtin:tb-lab', commandGroup: 'tb', load: async () => (await import('./tb-lab/index.js')).plugin },
];
