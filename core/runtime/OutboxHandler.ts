/** An outbox row handed to its handler. */
export interface OutboxJob {
  readonly id: string;
  readonly instanceId: string | null;
  readonly kind: string;
  readonly payload: unknown;
  /** 1 on the first try. */
  readonly attempt: number;
  readonly pluginId: string | null;
}

/** What a handler may send back: an event for the instance that wrote the row. */
export interface OutboxOutcome {
  readonly event?: { readonly type: string; readonly data?: Record<string, unknown> };
}

/**
 * Runs one kind of outbox row (`notify`, `startChain`, `openFinding`, `activity`...).
 * Must be idempotent by `job.id`: after a crash the same row may run again.
 */
export type OutboxHandler = (job: OutboxJob) => Promise<OutboxOutcome | void>;

/** The handlers by kind, filled by the composition root and by core modules. */
export type OutboxHandlers = Map<string, OutboxHandler>;
