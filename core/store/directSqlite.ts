import type { Kysely, QueryResult } from 'kysely';
import type { Db } from './Store.js';
import { storeFailure } from './storeFailure.js';

/** The slice of a better-sqlite3 handle a statement run directly needs. */
export interface DirectSqliteHandle {
  readonly inTransaction: boolean;
  prepare(sql: string): DirectSqliteStatement;
}

/** The slice of a better-sqlite3 statement a direct run needs. */
export interface DirectSqliteStatement {
  readonly reader: boolean;
  all(parameters: readonly unknown[]): unknown[];
  run(parameters: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint };
}

/** Runs compiled SQL on the raw SQLite handle under an open Kysely transaction. */
export interface DirectSqlite {
  run<R>(sql: string, parameters: readonly unknown[]): QueryResult<R>;
}

/**
 * The raw handle of one SQLite store, and which of its transactions is open: the
 * dialect's driver begins each one through {@link DirectSqliteLane.begin}.
 */
export class DirectSqliteLane {
  #transaction = 0;
  // Each Kysely transaction has an executor of its own: the transaction it was first seen in.
  readonly #seenIn = new WeakMap<object, number>();
  // Statements of the lane's own, never handed to a streamed query, so never busy iterating.
  readonly #statements = new Map<string, DirectSqliteStatement>();

  constructor(
    private readonly handle: DirectSqliteHandle,
    private readonly target: string,
  ) {}

  /** Begins a write transaction on the handle (`BEGIN IMMEDIATE`): the driver's, for every transaction. */
  begin(): void {
    this.run('begin immediate', []);
    this.#transaction++;
  }

  /** Whether the transaction `executor` belongs to is the one open now. */
  isOpen(executor: object): boolean {
    if (!this.handle.inTransaction) return false;
    const seen = this.#seenIn.get(executor);
    if (seen === undefined) this.#seenIn.set(executor, this.#transaction);
    return seen === undefined || seen === this.#transaction;
  }

  run<R>(sql: string, parameters: readonly unknown[]): QueryResult<R> {
    try {
      let statement = this.#statements.get(sql);
      if (!statement) {
        statement = this.handle.prepare(sql);
        this.#statements.set(sql, statement);
      }
      if (statement.reader) return { rows: statement.all(parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (error) {
      throw storeFailure(error, this.target);
    }
  }
}

// A Kysely instance and all its transactions share one adapter: the key to their lane.
const lanes = new WeakMap<object, DirectSqliteLane>();

/** Lets {@link directSqlite} find the lane under `db` (openStore does this for every SQLite store). */
export function attachDirectSqlite(db: Kysely<never> | Db, lane: DirectSqliteLane): void {
  lanes.set(db.getExecutor().adapter, lane);
}

/**
 * The raw handle under `db` when `db` is the SQLite transaction open now, else undefined.
 * Inside a transaction the one SQLite connection is this caller's until the commit
 * (Kysely's driver holds it under a mutex), so a statement run straight on the handle is
 * part of that transaction, exactly as Kysely would have run it, but without its
 * executor's layers of promises, which cost more CPU than SQLite's own work on the event
 * path. Never used outside a transaction (there another caller may hold the connection),
 * nor under Kysely plugins, nor for a transaction handle already used in an earlier
 * transaction that has ended (Kysely's path then refuses it). Results have Kysely's shape;
 * failures are mapped by {@link storeFailure} as the dialect maps them.
 *
 * Only the few statements of {@link preparedQuery} come here, so the lane's own statement
 * cache stays as small as that set.
 */
export function directSqlite(db: Db): DirectSqlite | undefined {
  if (!db.isTransaction) return undefined;
  const executor = db.getExecutor();
  // A handle with Kysely plugins (`withPlugin`) keeps its plugins' say over every query.
  if (executor.plugins.length > 0) return undefined;
  const lane = lanes.get(executor.adapter);
  return lane?.isOpen(executor) ? lane : undefined;
}
