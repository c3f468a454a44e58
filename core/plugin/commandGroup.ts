import type { PluginDefinition } from './PluginDefinition.js';

/** The command group a plugin's commands live under: the first word they share (`tb` for `tb lqas`). */
export function commandGroupOf(definition: { readonly commands?: readonly { readonly name: string }[] }): string | undefined {
  return definition.commands?.[0]?.name.split(' ')[0];
}

/**
 * Why a plugin's command group cannot be had, or undefined when it is free: a group is a
 * core command (`reserved`) or belongs to the plugin that took it first (`taken`, group
 * to plugin id). Faces load plugins in the same order, so the later plugin is the one refused.
 */
export function commandGroupClash(definition: Pick<PluginDefinition, 'id' | 'commands'>, reserved: readonly string[], taken: ReadonlyMap<string, string>): string | undefined {
  const group = commandGroupOf(definition);
  if (group === undefined) return undefined;
  if (reserved.includes(group)) return `its command group "${group}" is a core command of duban`;
  const owner = taken.get(group);
  if (owner !== undefined && owner !== definition.id) return `its command group "${group}" belongs to plugin ${owner}`;
  return undefined;
}
