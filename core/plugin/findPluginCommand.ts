import type { PluginCommand } from './PluginDefinition.js';
import type { LoadedPlugin } from './PluginRegistry.js';

/** The loaded plugin command called `name` (`tb import`), with its plugin's id; undefined when none offers it. */
export function findPluginCommand(loaded: readonly LoadedPlugin[], name: string): { readonly plugin: string; readonly command: PluginCommand } | undefined {
  for (const p of loaded) {
    const command = (p.definition.commands ?? []).find((c) => c.name === name);
    if (command) return { plugin: p.id, command };
  }
  return undefined;
}
