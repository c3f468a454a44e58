import type { ActorLike } from '../actor/Actor.js';
import { toActor } from '../actor/Actor.js';
import type { Duban } from '../container/createDuban.js';
import { fixedT } from '../i18n/i18n.js';
import type { Language } from '../i18n/Localized.js';
import type { CommandContext } from './PluginDefinition.js';

/** What the face running a plugin command decides: language, output, the plugin's config. */
export interface CommandContextOptions {
  /** The plugin whose command runs: `ctx.t` reads its namespace. */
  readonly plugin: string;
  readonly lang: Language;
  readonly json: boolean;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly print?: (text: string) => void;
}

/**
 * The context a plugin command runs with, the same for every face that runs one (the CLI,
 * the demo, tests): the acting person, and the core's `can()` bound to them.
 */
export function commandContext(duban: Duban, acting: ActorLike, options: CommandContextOptions): CommandContext {
  const actor = toActor(acting);
  return {
    lang: options.lang,
    json: options.json,
    actor: actor.id,
    can: (target, event) => duban.access.can(actor, target, event),
    require: (target, event) => duban.access.require(actor, target, event),
    db: duban.store.db,
    now: duban.clock.now(),
    config: options.config ?? {},
    print: options.print ?? (() => undefined),
    t: fixedT(options.lang, options.plugin),
  };
}
