import type { ActorLike } from '../actor/Actor.js';
import { toActor } from '../actor/Actor.js';
import type { Duban } from '../container/createDuban.js';
import { fixedT } from '../i18n/i18n.js';
import type { Language } from '../i18n/Localized.js';
import type { CommandContext } from './PluginDefinition.js';

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
    lang: options.lang,
    json: options.json,
    actor: actor.id,
    can: (target, event) => duban.access.can(actor, target, event),
    require: (target, event) => duban.access.require(actor, target, event),
    now: duban.clock.now(),
    config: options.config ?? {},
    print: options.print ?? (() => undefined),
    // `ctx.t` reads the plugin's own namespace.
    t: fixedT(options.lang, pluginId),
  };
}
