import type { AnyMachineSnapshot } from 'xstate';
import { inDepartments } from '../store/inDepartments.js';
import { preparedQuery } from '../store/preparedQuery.js';
import type { Db } from '../store/Store.js';
import type { ChainContext } from '../kernel/ChainTypes.js';
import type { InstanceRange, InstanceRecord } from './InstanceRecord.js';
import { snapshotContext } from './snapshotContext.js';
import type { InstanceRow } from './toInstanceView.js';

/** Filters of {@link InstanceStore.list}. */
export interface InstanceRowFilter {
  readonly chainId?: string;
  readonly status?: 'active' | 'done';
  readonly assigneePerson?: string;
  readonly assigneeRole?: string;
  readonly limit?: number;
}

/** What a step changes in an instance row. */
export type InstanceStep = Pick<InstanceRow, 'state' | 'status' | 'snapshot' | 'assignee_role' | 'assignee_person' | 'updated_at'>;

// Kept under SQLite's default limit of bound parameters, with room to spare.
const CHUNK = 500;

// The event path's statements on this table, compiled once (preparedQuery.ts).
const ROW = preparedQuery(1, (db, id: string) => db.selectFrom('instances').selectAll().where('id', '=', id));
const ADVANCE_STATUS = preparedQuery(
  9,
  (db, id: string, revision: number, state: string, status: string, snapshot: string, role: string | null, person: string | null, updatedAt: string, next: number) =>
    db
      .updateTable('instances')
      .set({ state, status, snapshot, assignee_role: role, assignee_person: person, updated_at: updatedAt, revision: next })
      .where('id', '=', id)
      .where('revision', '=', revision),
);
// Most steps leave the status as it was. A column named in SET makes SQLite rewrite its
// index entries even to the same value: one more page to write and sync for every event.
const ADVANCE = preparedQuery(
  8,
  (db, id: string, revision: number, state: string, snapshot: string, role: string | null, person: string | null, updatedAt: string, next: number) =>
    db
      .updateTable('instances')
      .set({ state, snapshot, assignee_role: role, assignee_person: person, updated_at: updatedAt, revision: next })
      .where('id', '=', id)
      .where('revision', '=', revision),
);

/**
 * The owner of the `instances` table: the only module that reads or writes it, and the
 * only one that parses a stored snapshot. The engine writes through it inside its
 * transactions (every method takes the handle to use); reports and plugins read
 * {@link InstanceRecord}s.
 */
export class InstanceStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Whether an instance with this id exists. */
  async exists(id: string, db: Db = this.#db): Promise<boolean> {
    return (await db.selectFrom('instances').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** The stored row, or undefined. */
  async row(id: string, db: Db = this.#db): Promise<InstanceRow | undefined> {
    return (await ROW.run(db, id)).rows[0] as InstanceRow | undefined;
  }

  /** Stores a new instance. */
  async insert(row: InstanceRow, db: Db = this.#db): Promise<void> {
    await db.insertInto('instances').values(row).execute();
  }

  /**
   * Records a step of the instance read as `from`, if it is still at that revision
   * (optimistic concurrency: then its status is still `from.status` too).
   * @returns false when another writer moved it first.
   */
  async advance(from: Pick<InstanceRow, 'id' | 'revision' | 'status'>, step: InstanceStep, db: Db = this.#db): Promise<boolean> {
    const revision = Number(from.revision);
    const updated =
      step.status === from.status
        ? await ADVANCE.run(db, from.id, revision, step.state, step.snapshot, step.assignee_role, step.assignee_person, step.updated_at, revision + 1)
        : await ADVANCE_STATUS.run(db, from.id, revision, step.state, step.status, step.snapshot, step.assignee_role, step.assignee_person, step.updated_at, revision + 1);
    return Number(updated.numAffectedRows) === 1;
  }

  /** Rows newest first. */
  async list(filter: InstanceRowFilter = {}, db: Db = this.#db): Promise<InstanceRow[]> {
    let query = db.selectFrom('instances').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
    if (filter.chainId) query = query.where('chain_id', '=', filter.chainId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.assigneePerson) query = query.where('assignee_person', '=', filter.assigneePerson);
    if (filter.assigneeRole) query = query.where('assignee_role', '=', filter.assigneeRole);
    return (await query.limit(filter.limit ?? 200).execute()) as InstanceRow[];
  }

  /** A chain's instances created in the range, oldest first. */
  async ofChain(chainId: string, range: InstanceRange = {}, db: Db = this.#db): Promise<InstanceRecord[]> {
    let query = db.selectFrom('instances').selectAll().where('chain_id', '=', chainId);
    if (range.from) query = query.where('created_at', '>=', range.from);
    if (range.to) query = query.where('created_at', '<', range.to);
    query = inDepartments(query, 'department_id', range.departments ?? null);
    const rows = (await query.orderBy('created_at').orderBy('id').execute()) as InstanceRow[];
    return rows.map(toRecord);
  }

  /** The instances started from any of `parentIds` (of `chainId`, when given). */
  async children(parentIds: readonly string[], chainId?: string, db: Db = this.#db): Promise<InstanceRecord[]> {
    const out: InstanceRecord[] = [];
    for (let i = 0; i < parentIds.length; i += CHUNK) {
      let query = db.selectFrom('instances').selectAll().where('parent_id', 'in', parentIds.slice(i, i + CHUNK));
      if (chainId) query = query.where('chain_id', '=', chainId);
      out.push(...((await query.orderBy('created_at').orderBy('id').execute()) as InstanceRow[]).map(toRecord));
    }
    return out;
  }

  /** The instances with these ids (any order; unknown ids are left out). */
  async byIds(ids: readonly string[], db: Db = this.#db): Promise<InstanceRecord[]> {
    const out: InstanceRecord[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      out.push(...((await db.selectFrom('instances').selectAll().where('id', 'in', unique.slice(i, i + CHUNK)).execute()) as InstanceRow[]).map(toRecord));
    }
    return out;
  }

  /** How many instances each chain has, active and done. */
  async countByChain(db: Db = this.#db): Promise<{ chainId: string; active: number; done: number }[]> {
    const rows = await db.selectFrom('instances').select(['chain_id', 'status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['chain_id', 'status']).orderBy('chain_id').execute();
    const byChain = new Map<string, { chainId: string; active: number; done: number }>();
    for (const r of rows) {
      const entry = byChain.get(r.chain_id) ?? { chainId: r.chain_id, active: 0, done: 0 };
      entry[r.status === 'done' ? 'done' : 'active'] += Number(r.n);
      byChain.set(r.chain_id, entry);
    }
    return [...byChain.values()];
  }

  /** The active instances of a chain, oldest first. */
  async active(chainId: string, db: Db = this.#db): Promise<InstanceRecord[]> {
    const rows = (await db.selectFrom('instances').selectAll().where('status', '=', 'active').where('chain_id', '=', chainId).orderBy('created_at').orderBy('id').execute()) as InstanceRow[];
    return rows.map(toRecord);
  }

  /** The newest instance of a chain in a state, as stored (a template for bulk seeding). */
  async newestRow(chainId: string, state: string, db: Db = this.#db): Promise<InstanceRow | undefined> {
    return (await db.selectFrom('instances').selectAll().where('chain_id', '=', chainId).where('state', '=', state).orderBy('created_at', 'desc').limit(1).executeTakeFirst()) as
      | InstanceRow
      | undefined;
  }

  /** Stores many rows at once, in one statement per chunk (bulk seeding; no audit). */
  async insertMany(rows: readonly InstanceRow[], db: Db = this.#db): Promise<void> {
    // 400 rows of 14 columns stay under SQLite's 32 766 bound parameters.
    for (let i = 0; i < rows.length; i += 400) await db.insertInto('instances').values(rows.slice(i, i + 400)).execute();
  }
}

/** The persisted XState snapshot of a row, for the engine to resolve. */
export function persistedSnapshot(row: InstanceRow): { value: string; context: ChainContext } & Partial<AnyMachineSnapshot> {
  return JSON.parse(row.snapshot) as { value: string; context: ChainContext };
}

function toRecord(row: InstanceRow): InstanceRecord {
  const { input, data } = snapshotContext(row.snapshot);
  return {
    id: row.id,
    chainId: row.chain_id,
    chainVersion: Number(row.chain_version),
    state: row.state,
    status: row.status,
    department: row.department_id,
    parentId: row.parent_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    input,
    data,
  };
}
