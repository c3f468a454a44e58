import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryResult, type SqliteDialectConfig } from 'kysely';
import type { DirectSqliteLane } from './directSqlite.js';
import { storeFailure } from './storeFailure.js';

/** What the driver needs to know of the raw handle beyond Kysely's slice of it. */
export interface SqliteHandleState {
  /** better-sqlite3's `inTransaction`: false once SQLite itself rolled a failed write back. */
  readonly inTransaction: boolean;
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #handle: SqliteHandleState;
  readonly #target: string;
  readonly #lane: DirectSqliteLane | undefined;

  constructor(config: SqliteDialectConfig, handle: SqliteHandleState, target: string, lane: DirectSqliteLane | undefined) {
    super(config);
    this.#handle = handle;
    this.#target = target;
    this.#lane = lane;
  }

  // SQLite has one connection: wrapped once, not on every acquire.
  #mapped: { readonly raw: DatabaseConnection; readonly mapped: DatabaseConnection } | undefined;

  override async acquireConnection(): Promise<DatabaseConnection> {
    const raw = await super.acquireConnection();
    if (this.#mapped?.raw !== raw) this.#mapped = { raw, mapped: mappingFailures(raw, this.#target) };
    return this.#mapped.mapped;
  }

  // With the handle's lane, BEGIN and COMMIT run straight on the handle like the event
  // path's statements: the connection is this transaction's (held under the driver's
  // mutex), and Kysely's path would only add its layers of promises around them.
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#lane) return this.#lane.begin();
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#lane) return void this.#lane.run('commit', []);
    await super.commitTransaction(connection);
  }

  // After some failures (a full disk, a read-only file, a failed BEGIN) SQLite has already
  // rolled back; a second ROLLBACK would fail with "no transaction is active" and that
  // message would replace the failure that mattered.
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#handle.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

// The driver's connection throws synchronously from the raw handle; every statement Kysely
// runs, ROLLBACK included, passes through here (BEGIN and COMMIT on the handle's lane are
// mapped by the lane itself, with the same storeFailure).
function mappingFailures(connection: DatabaseConnection, target: string): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      try {
        return await connection.executeQuery<R>(query);
      } catch (error) {
        throw storeFailure(error, target);
      }
    },
    async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
      try {
        yield* connection.streamQuery<R>(query, chunkSize);
      } catch (error) {
        throw storeFailure(error, target);
      }
    },
  };
}

/**
 * Kysely's SQLite dialect, but transactions start with `BEGIN IMMEDIATE`. A deferred
 * transaction that reads and then writes fails with SQLITE_BUSY at once (no busy wait)
 * when another process committed in between; several `duban serve` processes on one
 * file would then lose events. Taking the write lock first makes them queue instead.
 * Storage failures come out as coded DubanErrors ({@link storeFailure}).
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #handle: SqliteHandleState;
  readonly #target: string;
  readonly #lane: DirectSqliteLane | undefined;

  /** `lane`, when given, is told of each transaction that begins ({@link DirectSqliteLane}). */
  constructor(config: SqliteDialectConfig, handle: SqliteHandleState, target: string, lane?: DirectSqliteLane) {
    super(config);
    this.#config = config;
    this.#handle = handle;
    this.#target = target;
    this.#lane = lane;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#handle, this.#target, this.#lane);
  }
}
