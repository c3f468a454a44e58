import type { Kysely, Transaction } from 'kysely';
import type { DubanSchema } from './schema.js';

/** Which database engine a {@link Store} runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** A query handle: the database itself or an open transaction on it. */
export type Db = Kysely<DubanSchema> | Transaction<DubanSchema>;

/**
 * An open database: the Kysely handle, its dialect and how to close it. The storage
 * contract of duban is this small on purpose; everything else is plain Kysely.
 */
export interface Store {
  readonly db: Kysely<DubanSchema>;
  readonly dialect: DialectName;
  /** The target as given (a file path or a `postgres://` URL with the password hidden). */
  readonly target: string;
  /**
   * @throws DubanError `DB_GONE` when the SQLite file at the target's path is no longer
   * the one opened (deleted or replaced); never for `:memory:` or PostgreSQL.
   */
  assertPresent(): void;
  close(): Promise<void>;
}
