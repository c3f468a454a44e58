import type { Clock } from '../clock/Clock.js';
import { DubanError, findCause } from '../errors/DubanError.js';
import type { PluginRegistry } from '../plugin/PluginRegistry.js';
import type { PluginServices } from '../plugin/PluginServices.js';
import type { OutboxHandler } from '../runtime/OutboxHandler.js';

/**
 * The loaded plugins' outbox handlers, as the dispatcher runs them: each with its plugin's
 * services, a throw wrapped to name the plugin (a query outside its tables keeps
 * `PLUGIN_SCOPE`, so the row fails at once into an incident).
 */
export function pluginOutboxHandlers(plugins: PluginRegistry, services: (pluginId: string) => PluginServices, clock: Clock): [string, OutboxHandler][] {
  return [...plugins.outboxHandlers()].map(([kind, { plugin, handler }]): [string, OutboxHandler] => [
    kind,
    async (job) => {
      const payload = (job.payload && typeof job.payload === 'object' ? job.payload : {}) as Record<string, unknown>;
      try {
        await handler(payload, { ...services(plugin), instanceId: job.instanceId, idempotencyKey: job.id, attempt: job.attempt, now: clock.now() });
      } catch (error) {
        const scope = findCause(error, 'PLUGIN_SCOPE');
        const message = `plugin ${plugin}, handler ${kind}: ${(scope ?? (error as Error))?.message ?? String(error)}`;
        throw new DubanError(scope ? 'PLUGIN_SCOPE' : 'ACTIVITY_FAILED', message, { cause: error, details: { plugin, handler: kind } });
      }
    },
  ]);
}
