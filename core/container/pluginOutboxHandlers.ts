import type { Clock } from '../clock/Clock.js';
import type { PluginRegistry } from '../plugin/PluginRegistry.js';
import { pluginWorkFailed } from '../plugin/pluginWorkFailed.js';
import type { PluginServices } from '../plugin/PluginServices.js';
import type { OutboxHandler } from '../runtime/OutboxHandler.js';

/**
 * The loaded plugins' outbox handlers, as the dispatcher runs them: each with its plugin's
 * services, a throw wrapped to name the plugin ({@link pluginWorkFailed}).
 */
export function pluginOutboxHandlers(plugins: PluginRegistry, services: (pluginId: string) => PluginServices, clock: Clock): [string, OutboxHandler][] {
  return [...plugins.outboxHandlers()].map(([kind, { plugin, handler }]): [string, OutboxHandler] => [
    kind,
    async (job) => {
      const payload = (job.payload && typeof job.payload === 'object' ? job.payload : {}) as Record<string, unknown>;
      try {
        await handler(payload, { ...services(plugin), instanceId: job.instanceId, idempotencyKey: job.id, attempt: job.attempt, now: clock.now() });
      } catch (error) {
        throw pluginWorkFailed(error, plugin, `handler ${kind}`, { handler: kind });
      }
    },
  ]);
}
