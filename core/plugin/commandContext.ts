import type { ActorLike } from '../actor/Actor.js';
import { toActor } from '../actor/Actor.js';
import type { Duban } from '../container/createDuban.js';
import { addNamespace, fixedT } from '../i18n/i18n.js';
import type { Language } from '../i18n/Localized.js';
import type { CommandContext, PluginDefinition, PureCommandContext } from './PluginDefinition.js';

/** What the face running a plugin command decides: language, output, the plugin's config. */
export interface CommandContextOptions {
  readonly lang: Language;
  readonly json: boolean;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly print?: (text: string) => void;
}

/**
 * The context a plugin command runs with, the same for every face that runs one (the CLI,
 * the demo, tests): the plugin's services, the acting person, and the core's `can()` bound to them.
 */
export function commandContext(duban: Duban, pluginId: string, acting: ActorLike, options: CommandContextOptions): CommandContext {
  const actor = toActor(acting);
  return {
    ...duban.pluginServices(pluginId, actor),
    ...faceContext(pluginId, { ...options, now: duban.clock.now() }),
    actor: actor.id,
    can: (target, event) => duban.access.can(actor, target, event),
    require: (target, event) => duban.access.require(actor, target, event),
  };
}

/**
 * The context of a pure command (`pure: true`), which runs without an engine: the face's
 * choices, the instant it runs at, and the plugin's own texts (registered here, since no
 * engine loaded the plugin).
 */
export function pureCommandContext(plugin: Pick<PluginDefinition, 'id' | 'messages'>, options: CommandContextOptions & { readonly now: Date }): PureCommandContext {
  if (plugin.messages) addNamespace(plugin.id, plugin.messages);
  return faceContext(plugin.id, options);
}

function faceContext(pluginId: string, options: CommandContextOptions & { readonly now: Date }): PureCommandContext {
  return {
    lang: options.lang,
    json: options.json,
    now: options.now,
    config: options.config ?? {},
    print: options.print ?? (() => undefined),
    // `ctx.t` reads the plugin's own namespace.
    t: fixedT(options.lang, pluginId),
  };
}
