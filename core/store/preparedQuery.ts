import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import { directSqlite } from './directSqlite.js';
import type { Db } from './Store.js';

/** A query compiled once; run it with new parameters on any handle of the same dialect. */
export interface PreparedQuery<P extends readonly unknown[], R> {
  run(db: Db, ...params: P): Promise<QueryResult<R>>;
}

// Stands for the i-th parameter while the query is built; replaced by the value on each run.
class Slot {
  constructor(readonly index: number) {}
}

/**
 * Builds and compiles a Kysely query once, with `arity` parameters in place of values,
 * and runs the compiled SQL with each call's values. The event path runs the same few
 * statements thousands of times: building and compiling them anew each time cost more
 * CPU than executing them. The SQL is compiled by the handle's own dialect on first use
 * (placeholders differ between SQLite and PostgreSQL), and SQLite's statement cache
 * (cachedStatements.ts) then reuses its prepared statement by that text. Inside a SQLite
 * transaction the statement runs straight on the raw handle ({@link directSqlite}).
 *
 * A parameter may stand only where the builder takes a plain value (a compared value, a
 * column's new value), never for a table, column or list.
 */
export function preparedQuery<P extends readonly unknown[], R>(arity: P['length'], build: (db: Db, ...params: P) => Compilable<R>): PreparedQuery<P, R> {
  const compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: (number | undefined)[]; inOrder: boolean }>();
  const compileFor = (db: Db) => {
    // Every transaction of one database shares its executor's adapter: compile once per dialect instance.
    const key = db.getExecutor().adapter;
    let hit = compiled.get(key);
    if (!hit) {
      const placeholders = Array.from({ length: arity }, (_, i) => new Slot(i)) as unknown as P;
      const query = build(db, ...placeholders).compile();
      const slots = query.parameters.map((p) => (p instanceof Slot ? p.index : undefined));
      // A statement binding exactly its parameters, in order, is given the call's own list.
      hit = { query, slots, inOrder: slots.length === arity && slots.every((slot, i) => slot === i) };
      compiled.set(key, hit);
    }
    return hit;
  };
  return {
    run(db, ...params) {
      // Every failure comes out as a rejection, never thrown at the call (Kysely throws
      // synchronously for a transaction that has ended; the direct lane runs synchronously).
      try {
        const { query, slots, inOrder } = compileFor(db);
        const parameters = inOrder ? params : bind(query.parameters, slots, params);
        const direct = directSqlite(db);
        return direct ? Promise.resolve(direct.run<R>(query.sql, parameters)) : db.executeQuery<R>({ ...query, parameters });
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

// The compiled query's parameters with each slot replaced by the call's value.
function bind(constants: readonly unknown[], slots: readonly (number | undefined)[], params: readonly unknown[]): unknown[] {
  const bound = new Array<unknown>(constants.length);
  for (let i = 0; i < constants.length; i++) {
    const slot = slots[i];
    bound[i] = slot === undefined ? constants[i] : params[slot];
  }
  return bound;
}
