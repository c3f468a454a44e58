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
  close(): Promise<void>;
}
