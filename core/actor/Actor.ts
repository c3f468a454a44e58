/**
 * Who acts. A person comes from the org (named by `--as`, the config, the console or a
 * login); a system actor is a component of the engine itself and exists only inside it:
 * {@link systemActor} hands out the only genuine ones, so no text from outside (a CLI
 * argument, a config value, a plugin) can become one.
 */
export type Actor = PersonActor | SystemActor;

/** A person of the org. `by` is the logged-in person acting on their behalf, if another. */
export interface PersonActor {
  readonly kind: 'person';
  readonly id: string;
  readonly by?: string;
}

/** The engine's components that act on their own; `plugin:<id>` is the plugin host acting for a plugin's activity or report. */
export type SystemComponent = 'timer' | 'outbox' | 'cron' | 'chain' | 'engine' | `plugin:${string}`;

/** A component of the engine. Only {@link systemActor} creates one that counts. */
export interface SystemActor {
  readonly kind: 'system';
  readonly id: `system:${SystemComponent}`;
}

/** What callers may pass where an actor is taken: an actor, or a person's id. */
export type ActorLike = Actor | string;

// Genuine system actors, by identity: an object literal shaped like one is not among them.
const genuine = new WeakSet<object>();
const systemActors = new Map<SystemComponent, SystemActor>();

/**
 * The system actor of an engine component. Internal to the core: it is not part of the
 * public API that the CLI and plugins import.
 */
export function systemActor(component: SystemComponent): SystemActor {
  let actor = systemActors.get(component);
  if (!actor) {
    actor = Object.freeze({ kind: 'system', id: `system:${component}` } as const);
    genuine.add(actor);
    systemActors.set(component, actor);
  }
  return actor;
}

/** A person actor; `by` names the logged-in person acting on `id`'s behalf. */
export function personActor(id: string, by?: string): PersonActor {
  return by !== undefined && by !== id ? { kind: 'person', id, by } : { kind: 'person', id };
}

/** The actor a caller meant: a string always names a person, never the engine. */
export function toActor(actor: ActorLike): Actor {
  if (typeof actor === 'string') return personActor(actor);
  if (actor.kind === 'system' && !genuine.has(actor)) return personActor(actor.id);
  return actor;
}

/** True only for a genuine system actor handed out by {@link systemActor}. */
export function isSystemActor(actor: ActorLike): actor is SystemActor {
  return typeof actor === 'object' && actor.kind === 'system' && genuine.has(actor);
}

/** The id recorded in the audit log and on instances. */
export function actorId(actor: ActorLike): string {
  return typeof actor === 'string' ? actor : actor.id;
}

/**
 * True for an id that only the engine's own actors may carry (`system`, `system:…`,
 * `system-x`, any case). A person claiming such an id is refused: it would read as the
 * engine in the audit log.
 */
export function isReservedActorId(id: string): boolean {
  return /^system/i.test(id.trim());
}
