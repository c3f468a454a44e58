import { systemActor } from '../actor/Actor.js';
import type { Clock } from '../clock/Clock.js';
import type { PluginRegistry } from '../plugin/PluginRegistry.js';
import type { Engine } from '../runtime/Engine.js';
import type { PluginServices } from '../plugin/PluginServices.js';
import type { OutboxHandler, OutboxJob } from '../runtime/OutboxHandler.js';
import { ACTIVITY_DONE_EVENT } from '../kernel/ChainTypes.js';

interface Deps {
  readonly engine: Engine;
  readonly plugins: PluginRegistry;
  readonly clock: Clock;
  /** A plugin's services, for its activities. */
  readonly services: (pluginId: string) => PluginServices;
}

/** A 32-bit seed from an outbox id: the same row always draws the same random numbers. */
export function seedFrom(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The id of a started child: keyed, one per parent, chain and key (every start of the
 * same key finds the first child); else one per outbox row (a retried row finds its child).
 */
export function childId(job: OutboxJob, chain: string, key: unknown): string {
  if (key === undefined || key === null || key === '') return `i-${job.id.slice(2)}`;
  return `i-${chain}-${seedFrom(`${job.instanceId ?? ''}\u0000${String(key)}`).toString(36)}-${String(key)}`;
}

/**
 * The outbox kinds the core runs itself: a plugin activity (its result returns as
 * `task.done`), and starting a child chain (idempotent: the child's id derives from
 * its key, or from the outbox id, so a second run finds it already started).
 */
export function coreOutboxHandlers(deps: Deps): [string, OutboxHandler][] {
  const activity: OutboxHandler = async (job: OutboxJob) => {
    const payload = job.payload as { task: string; state: string; input: { input: Record<string, unknown>; data: Record<string, unknown> } };
    const result = await deps.plugins.runActivity(payload.task, payload.input, {
      instanceId: job.instanceId ?? '',
      idempotencyKey: job.id,
      seed: seedFrom(job.id),
      attempt: job.attempt,
      now: deps.clock.now(),
      ...deps.services(deps.plugins.owner(payload.task) ?? job.pluginId ?? 'unknown'),
    });
    return { event: { type: ACTIVITY_DONE_EVENT, data: { ...result, task: payload.task, seed: seedFrom(job.id) } } };
  };

  const startChain: OutboxHandler = async (job) => {
    const payload = job.payload as { chain: string; input?: Record<string, unknown>; key?: unknown };
    await deps.engine.start(payload.chain, payload.input ?? {}, systemActor('chain'), {
      id: childId(job, payload.chain, payload.key),
      parentId: job.instanceId ?? undefined,
    });
  };

  return [
    ['activity', activity],
    ['startChain', startChain],
  ];
}
