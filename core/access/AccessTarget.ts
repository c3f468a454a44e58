import type { Operation } from './operationRules.js';

/**
 * What `can()` is asked about: an instance (an event to send it, with the event's data
 * when a rule or a guard reads it: an action's owner may mark that action done, while it
 * is open), a chain (starting an instance with this input), or an operation outside any chain.
 */
export type AccessTarget =
  | { readonly instanceId: string; readonly data?: Readonly<Record<string, unknown>> }
  | { readonly chainId: string; readonly version?: number; readonly input?: Readonly<Record<string, unknown>> }
  | { readonly operation: Operation };
