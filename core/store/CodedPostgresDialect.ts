import { PostgresDialect, PostgresDriver, type CompiledQuery, type DatabaseConnection, type Driver, type PostgresDialectConfig, type QueryResult } from 'kysely';
import { DubanError } from '../errors/DubanError.js';

// SQLSTATE query_canceled; PostgreSQL gives it for a cancel request and for statement_timeout alike.
const QUERY_CANCELED = '57014';

/**
 * A PostgreSQL failure in duban's terms: a statement cancelled by the configured
 * `postgres.statementTimeoutMs` is `DB_STATEMENT_TIMEOUT` naming the server; anything
 * else is returned unchanged.
 */
export function postgresFailure(error: unknown, target: string): unknown {
  if ((error as { code?: unknown } | undefined)?.code !== QUERY_CANCELED) return error;
  return new DubanError('DB_STATEMENT_TIMEOUT', `${target}: a statement ran longer than postgres.statementTimeoutMs and was cancelled (${(error as Error).message})`, {
    place: { path: 'postgres.statementTimeoutMs' },
    cause: error,
  });
}

type PostgresConnection = Parameters<PostgresDriver['releaseConnection']>[0];

class CodedPostgresDriver extends PostgresDriver {
  readonly #target: string;
  // Kysely's driver releases only its own connection objects: each wrapper maps back.
  readonly #originals = new WeakMap<DatabaseConnection, PostgresConnection>();

  constructor(config: PostgresDialectConfig, target: string) {
    super(config);
    this.#target = target;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = (await super.acquireConnection()) as PostgresConnection;
    const target = this.#target;
    const coded: DatabaseConnection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        try {
          return await connection.executeQuery<R>(query);
        } catch (error) {
          throw postgresFailure(error, target);
        }
      },
      async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
        try {
          yield* (connection as DatabaseConnection).streamQuery<R>(query, chunkSize);
        } catch (error) {
          throw postgresFailure(error, target);
        }
      },
    };
    this.#originals.set(coded, connection);
    return coded;
  }

  override async releaseConnection(connection: PostgresConnection): Promise<void> {
    await super.releaseConnection(this.#originals.get(connection) ?? connection);
  }
}

/** Kysely's PostgreSQL dialect whose failures come out as coded DubanErrors ({@link postgresFailure}). */
export class CodedPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  readonly #target: string;

  constructor(config: PostgresDialectConfig, target: string) {
    super(config);
    this.#config = config;
    this.#target = target;
  }

  override createDriver(): Driver {
    return new CodedPostgresDriver(this.#config, this.#target);
  }
}
