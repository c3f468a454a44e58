import type { ActorLike } from '../actor/Actor.js';
import type { InstanceRowFilter } from '../instances/InstanceStore.js';
import type { InstanceRow } from '../instances/toInstanceView.js';
import type { ChainContext } from '../kernel/ChainTypes.js';
import type { Db } from '../store/Store.js';
import type { SendResult } from './InstanceView.js';

/** Options of {@link Engine.send}. */
export interface SendOptions {
  /** Refuse with `REVISION_CONFLICT` unless the instance is at this revision. */
  readonly expectedRevision?: number;
  /** The instant of the event; default the clock's now. */
  readonly at?: Date;
  /**
   * Runs first inside the event's transaction; returning false abandons the event
   * without writing. Timers and the outbox use it to claim their row exactly once.
   */
  readonly claim?: (trx: Db) => Promise<boolean>;
  /** Extra data recorded in the audit row (a timer's lateness, say). */
  readonly auditData?: Record<string, unknown>;
}

/** Options of {@link Engine.start}. */
export interface StartOptions {
  readonly version?: number;
  readonly at?: Date;
  /** A caller-chosen id makes the start idempotent: starting it twice returns the first. */
  readonly id?: string;
  readonly parentId?: string;
  readonly claim?: (trx: Db) => Promise<boolean>;
}

/** Filters of {@link Engine.list}. */
export type InstanceFilter = InstanceRowFilter;

/** Called after a transaction commits with the outbox rows it wrote. */
export type AfterCommit = (outboxIds: readonly string[]) => Promise<void>;

/**
 * A read model kept in step with a chain's instances: called inside the event's
 * transaction with the new row, so the projection can never disagree with the instance.
 */
export type Projection = (trx: Db, change: { readonly row: InstanceRow; readonly context: ChainContext; readonly event: string; readonly at: Date }) => Promise<void>;

/** One event of {@link Engine.sendBatch}: what {@link Engine.send} takes. */
export interface BatchEvent {
  readonly instanceId: string;
  readonly event: { type: string; data?: Record<string, unknown> };
  readonly actor: ActorLike;
  readonly options?: SendOptions;
}

/** What became of one event of a batch: its result, or the error it alone met. */
export type BatchOutcome = { readonly ok: true; readonly result: SendResult } | { readonly ok: false; readonly error: unknown };
