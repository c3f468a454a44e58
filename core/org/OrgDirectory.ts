import { readDepartmentDirectory, type DepartmentDirectory } from './DepartmentDirectory.js';
import type { Localized } from '../i18n/Localized.js';
import { preparedQuery } from '../store/preparedQuery.js';
import type { Db } from '../store/Store.js';
import type { Person } from './Person.js';

export type { Person } from './Person.js';

/** One level of an escalation chain: a named person, or whoever holds a role. */
export interface EscalationLevel {
  readonly level: number;
  readonly personId: string | null;
  readonly role: string | null;
}

/**
 * Without a configured chain: level 1 the department head, level 2 the quality office,
 * level 3 the vice-president in charge (role `vp`).
 */
export const DEFAULT_ESCALATION: readonly EscalationLevel[] = [
  { level: 1, personId: null, role: 'head' },
  { level: 2, personId: null, role: 'office' },
  { level: 3, personId: null, role: 'vp' },
];

/** What an access decision reads of the org, as of one revision of it. */
export interface OrgFacts {
  readonly revision: number;
  /** The person with this id, active or not; undefined for an id the org does not know. */
  readonly person: (id: string) => Person | undefined;
  /** True once an org is imported: any person exists. */
  readonly known: boolean;
  /** Each department's parent: what {@link lineOf} walks. */
  readonly parents: ReadonlyMap<string, string | null>;
}

const REVISION = preparedQuery(0, (db) => db.selectFrom('org_revision').select('revision').where('id', '=', 1));

/** Reads the org model: people, departments, escalation chains. */
export class OrgDirectory {
  #facts: OrgFacts | undefined;

  constructor(private readonly db: Db) {}

  /**
   * The org's people and departments for access decisions, read again only when the org's
   * revision moved (triggers advance it on any change of people or departments, by any
   * process): an event reads one row of the org instead of three queries.
   */
  async facts(db: Db = this.db): Promise<OrgFacts> {
    const revision = Number((await REVISION.run(db)).rows[0]?.revision ?? 0);
    if (this.#facts?.revision === revision) return this.#facts;
    const people = new Map((await this.people(db)).map((p) => [p.id, p]));
    const facts: OrgFacts = { revision, person: (id) => people.get(id), known: people.size > 0, parents: await this.departmentParents(db) };
    this.#facts = facts;
    return facts;
  }

  async person(id: string, db: Db = this.db): Promise<Person | undefined> {
    const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toPerson(row);
  }

  async people(db: Db = this.db): Promise<Person[]> {
    const rows = await db.selectFrom('people').selectAll().orderBy('department_id').orderBy('id').execute();
    return rows.map(toPerson);
  }

  /** The department and its ancestors, nearest first. */
  async departmentLine(id: string, db: Db = this.db): Promise<string[]> {
    return lineOf(await this.departmentParents(db), id);
  }

  /** The departments: names, the list, and each one's subtree. One query. */
  async directory(db: Db = this.db): Promise<DepartmentDirectory> {
    return readDepartmentDirectory(db);
  }

  /** The duty posts, ordered by id. */
  async posts(db: Db = this.db): Promise<{ id: string; departmentId: string; name: Localized }[]> {
    const rows = await db.selectFrom('posts').selectAll().orderBy('id').execute();
    return rows.map((p) => ({ id: p.id, departmentId: p.department_id, name: { 'zh-CN': p.name_zh, en: p.name_en } }));
  }

  /** Every configured escalation level, by department then level (`*` is the hospital default). */
  async escalationLevels(db: Db = this.db): Promise<(EscalationLevel & { departmentId: string })[]> {
    const rows = await db.selectFrom('escalation_levels').selectAll().orderBy('department_id').orderBy('level').execute();
    return rows.map((e) => ({ departmentId: e.department_id, level: Number(e.level), personId: e.person_id, role: e.role }));
  }

  /** Each department's parent: what {@link lineOf} walks. */
  async departmentParents(db: Db = this.db): Promise<ReadonlyMap<string, string | null>> {
    const rows = await db.selectFrom('departments').select(['id', 'parent_id']).execute();
    return new Map(rows.map((r) => [r.id, r.parent_id]));
  }

  /**
   * The names of people, departments or duty posts by id, in both languages: for titles
   * ("迟到：王芳", not "迟到：p2"). Ids the org does not know are left out.
   */
  async names(kind: 'people' | 'departments' | 'posts', ids: readonly string[], db: Db = this.db): Promise<ReadonlyMap<string, Localized>> {
    const wanted = [...new Set(ids)];
    const names = new Map<string, Localized>();
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await db.selectFrom(kind).select(['id', 'name_zh', 'name_en']).where('id', 'in', wanted.slice(i, i + 500)).execute();
      for (const r of rows) names.set(r.id, { 'zh-CN': r.name_zh, en: r.name_en });
    }
    return names;
  }

  /** True once an org is imported: any person exists. */
  async known(db: Db = this.db): Promise<boolean> {
    return (await db.selectFrom('people').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  /** The active person one of whose logins is `login` (an OS account or a database role). */
  async personByLogin(login: string, db: Db = this.db): Promise<Person | undefined> {
    const rows = await db.selectFrom('people').selectAll().where('logins', '!=', '').execute();
    const row = rows.find((r) => r.logins.split(',').includes(login));
    return row && toPerson(row);
  }

  /** True when any person of the org has a login: then the login, not `--as`, says who acts. */
  async hasLogins(db: Db = this.db): Promise<boolean> {
    return (await db.selectFrom('people').select('id').where('logins', '!=', '').limit(1).executeTakeFirst()) !== undefined;
  }

  /** The escalation chain of a department: its own, else the hospital default (`*`), else {@link DEFAULT_ESCALATION}. */
  async escalationChain(departmentId: string, db: Db = this.db): Promise<EscalationLevel[]> {
    const rows = await db
      .selectFrom('escalation_levels')
      .selectAll()
      .where('department_id', 'in', [departmentId, '*'])
      .orderBy('level')
      .execute();
    const own = rows.filter((r) => r.department_id === departmentId);
    const chosen = own.length > 0 ? own : rows.filter((r) => r.department_id === '*');
    if (chosen.length === 0) return [...DEFAULT_ESCALATION];
    return chosen.map((r) => ({ level: Number(r.level), personId: r.person_id, role: r.role }));
  }

  /**
   * Who holds a level for a department: the named person, or the first active person
   * with the role — in the department (or its nearest ancestor) for `head`, anywhere else.
   */
  async resolveLevel(level: EscalationLevel, departmentId: string, db: Db = this.db): Promise<string | null> {
    if (level.personId) return level.personId;
    if (!level.role) return null;
    const holders = (await this.people(db)).filter((p) => p.active && p.roles.includes(level.role!));
    if (level.role !== 'head') return holders[0]?.id ?? null;
    for (const dept of await this.departmentLine(departmentId, db)) {
      const head = holders.find((p) => p.departmentId === dept);
      if (head) return head.id;
    }
    return null;
  }
}

/** A department and its ancestors, nearest first, from a parent map (a cycle stops the walk). */
export function lineOf(parents: ReadonlyMap<string, string | null>, id: string): string[] {
  const line: string[] = [];
  for (let at: string | null | undefined = id; at && !line.includes(at); at = parents.get(at)) line.push(at);
  return line;
}

function toPerson(row: { id: string; name_zh: string; name_en: string; title: string | null; department_id: string | null; roles: string; active: number }): Person {
  return {
    id: row.id,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    title: row.title,
    departmentId: row.department_id,
    roles: row.roles.split(',').filter(Boolean),
    active: Number(row.active) === 1,
  };
}
