import { DubanError } from '../core/errors/DubanError.js';
import { commandContext } from '../core/plugin/commandContext.js';
import { findPluginCommand } from '../core/plugin/findPluginCommand.js';
import type { DemoWorld } from './DemoWorld.js';

/**
 * Runs a plugin's command (`tb import`, `tb slides`) the way the CLI does, as `actor` at
 * the timeline's instant, and returns its JSON answer: the demo goes through the plugin's
 * public surface, never its tables.
 *
 * @throws DubanError `PLUGIN_NOT_FOUND` when no loaded plugin offers the command.
 */
export async function runPluginCommand(world: DemoWorld, name: string, options: Record<string, string | boolean | undefined>, actor: string): Promise<unknown> {
  const found = findPluginCommand(world.duban.plugins.loaded, name);
  if (!found) throw new DubanError('PLUGIN_NOT_FOUND', `the demo needs the command "duban ${name}", which no loaded plugin offers`);
  return found.command.run(options, commandContext(world.duban, found.plugin, actor, { lang: 'en', json: true }));
}
