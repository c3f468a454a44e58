import { DubanError, findCause } from '../errors/DubanError.js';

/**
 * The error of plugin work the engine ran (an activity, an outbox handler), naming whose
 * code failed: `ACTIVITY_FAILED`, which the outbox retries, unless a query went outside
 * the plugin's tables, which keeps `PLUGIN_SCOPE`: a mistake to fix, not a flake.
 *
 * @param what `task <name>` or `handler <name>`, for the message.
 */
export function pluginWorkFailed(error: unknown, plugin: string, what: string, details: Record<string, unknown>): DubanError {
  const scope = findCause(error, 'PLUGIN_SCOPE');
  const message = `plugin ${plugin}, ${what}: ${(scope ?? (error as Error | undefined))?.message ?? String(error)}`;
  return new DubanError(scope ? 'PLUGIN_SCOPE' : 'ACTIVITY_FAILED', message, { cause: error, details: { plugin, ...details } });
}
