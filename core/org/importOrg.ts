import { parse as parseCsv } from 'csv-parse/sync';
import * as z from '../util/zod.js';
import { appendAudit } from '../audit/appendAudit.js';
import { DubanError } from '../errors/DubanError.js';
import type { Store } from '../store/Store.js';
import { sha256 } from '../util/sha256.js';
import { yamlToJs } from '../util/yamlToJs.js';
import { localizedSchema } from '../kernel/formFields.js';
import type { OrgFormat } from './OrgFormat.js';

/** The roles duban knows. `vp` is the vice-president in charge, the default top of escalation; `controller` and `umpire` recheck sputum slides. */
export const ROLES = ['office', 'head', 'inspector', 'it', 'viewer', 'vp', 'controller', 'umpire'] as const;

const id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . -'));
const department = z.strictObject({ id, name: localizedSchema, parent: z.optional(id) });
const person = z.strictObject({
  id,
  name: localizedSchema,
  title: z.optional(z.string().check(z.minLength(1))),
  department: z.optional(id),
  roles: z._default(z.array(z.enum(ROLES)), []),
  active: z._default(z.boolean(), true),
  /** OS account names (on PostgreSQL also database roles) that log in as this person. */
  logins: z._default(z.array(z.string().check(z.regex(/^[A-Za-z0-9_][A-Za-z0-9_.@-]*$/, 'an account name: letters, digits, _ . @ -'))), []),
});
const post = z.strictObject({ id, department: id, name: localizedSchema });
const escalation = z.strictObject({
  department: z.union([id, z.literal('*')]),
  levels: z
    .array(z.strictObject({ person: z.optional(id), role: z.optional(z.enum(ROLES)) }).check(z.refine((l) => !!l.person !== !!l.role, 'give a person or a role')))
    .check(z.minLength(1)),
});
const orgFile = z.strictObject({
  departments: z._default(z.array(department), []),
  people: z._default(z.array(person), []),
  posts: z._default(z.array(post), []),
  escalation: z._default(z.array(escalation), []),
});

/** A parsed org file. */
export type OrgData = z.infer<typeof orgFile>;

/** A problem with one entry of an org file. */
export interface OrgProblem {
  readonly line?: number;
  readonly path: string;
  readonly message: string;
}

/** What an import wrote. */
export interface OrgImportResult {
  readonly departments: number;
  readonly people: number;
  readonly posts: number;
  readonly escalation: number;
}

/**
 * Imports an org file (YAML with departments, people, posts and escalation chains; or a
 * CSV of people, departments or posts, told apart by the header). The format is `format`,
 * else CSV for a `.csv` file and YAML for any other. Every entry is
 * validated, references included (a person's department must exist in the file or the
 * database); any problem rejects the whole file, naming its line, and nothing is written.
 * Existing entries with the same id are updated.
 *
 * @throws DubanError `INPUT_INVALID` with every problem in `details.problems`.
 */
export async function importOrg(store: Store, text: string, file: string, actor: string, at: Date, format?: OrgFormat): Promise<OrgImportResult> {
  const csv = (format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'yaml')) === 'csv';
  // The YAML library loads only for a YAML file: every command imports this module's exports.
  const { data, lineOf } = csv ? fromCsv(text, file) : fromYaml(await import('../util/yamlDocuments.js'), text, file);
  const problems = await checkReferences(store, data, lineOf);
  if (problems.length > 0) throw invalid(file, problems);
  await store.db.transaction().execute(async (trx) => {
    for (const d of data.departments) {
      const values = { parent_id: d.parent ?? null, name_zh: d.name['zh-CN'], name_en: d.name.en };
      const hit = await trx.updateTable('departments').set(values).where('id', '=', d.id).executeTakeFirst();
      if (Number(hit.numUpdatedRows) === 0) await trx.insertInto('departments').values({ id: d.id, ...values }).execute();
    }
    for (const p of data.people) {
      const values = {
        name_zh: p.name['zh-CN'],
        name_en: p.name.en,
        title: p.title ?? null,
        department_id: p.department ?? null,
        roles: p.roles.join(','),
        active: p.active ? 1 : 0,
        logins: p.logins.join(','),
      };
      const hit = await trx.updateTable('people').set(values).where('id', '=', p.id).executeTakeFirst();
      if (Number(hit.numUpdatedRows) === 0) await trx.insertInto('people').values({ id: p.id, ...values }).execute();
    }
    for (const p of data.posts) {
      const values = { department_id: p.department, name_zh: p.name['zh-CN'], name_en: p.name.en };
      const hit = await trx.updateTable('posts').set(values).where('id', '=', p.id).executeTakeFirst();
      if (Number(hit.numUpdatedRows) === 0) await trx.insertInto('posts').values({ id: p.id, ...values }).execute();
    }
    for (const e of data.escalation) {
      await trx.deleteFrom('escalation_levels').where('department_id', '=', e.department).execute();
      await trx
        .insertInto('escalation_levels')
        .values(e.levels.map((l, i) => ({ department_id: e.department, level: i + 1, person_id: l.person ?? null, role: l.role ?? null })))
        .execute();
    }
    const counts = { departments: data.departments.length, people: data.people.length, posts: data.posts.length, escalation: data.escalation.length };
    await appendAudit(trx, store.dialect, {
      at: at.toISOString(),
      actor,
      instanceId: null,
      chain: null,
      event: 'org.imported',
      stateBefore: null,
      stateAfter: null,
      data: { file, sha256: sha256(text), ...counts },
    });
  });
  return { departments: data.departments.length, people: data.people.length, posts: data.posts.length, escalation: data.escalation.length };
}

type LineOf = (path: (string | number)[]) => number | undefined;

function fromYaml({ isNode, LineCounter, parseDocument }: typeof import('../util/yamlDocuments.js'), text: string, file: string): { data: OrgData; lineOf: LineOf } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const line = lineCounter.linePos(doc.errors[0]!.pos[0]).line;
    throw invalid(file, [{ line, path: '(file)', message: doc.errors[0]!.message.split('\n')[0]! }]);
  }
  const lineOf: LineOf = (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const result = orgFile.safeParse(yamlToJs(doc, file, 'INPUT_INVALID') ?? {});
  if (!result.success) {
    throw invalid(
      file,
      result.error.issues.map((i) => ({ line: lineOf(i.path as (string | number)[]), path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return { data: result.data, lineOf };
}

const CSV_KINDS = {
  people: ['id', 'name_zh', 'name_en', 'title', 'department', 'roles'],
  departments: ['id', 'name_zh', 'name_en', 'parent'],
  posts: ['id', 'department', 'name_zh', 'name_en'],
} as const;

function fromCsv(text: string, file: string): { data: OrgData; lineOf: LineOf } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true });
  } catch (cause) {
    throw new DubanError('INPUT_INVALID', `${file}: ${(cause as Error).message}`, { place: { file }, cause });
  }
  const header = Object.keys(records[0]?.record ?? {});
  const kind = (Object.keys(CSV_KINDS) as (keyof typeof CSV_KINDS)[]).find((k) => CSV_KINDS[k].every((c) => header.includes(c)));
  if (!kind) {
    throw invalid(file, [{ line: 1, path: 'header', message: `expected the columns of people (${CSV_KINDS.people.join(',')}), departments or posts` }]);
  }
  const lines = records.map((r) => r.info.lines);
  const rows = records.map(({ record: r }) => {
    const name = { 'zh-CN': r.name_zh ?? '', en: r.name_en ?? '' };
    if (kind === 'people') {
      return {
        id: r.id,
        name,
        ...(r.title ? { title: r.title } : {}),
        ...(r.department ? { department: r.department } : {}),
        roles: (r.roles ?? '').split(/[;|]/).map((x) => x.trim()).filter(Boolean),
        ...(r.active ? { active: !/^(0|false|no)$/i.test(r.active) } : {}),
        ...(r.logins ? { logins: r.logins.split(/[;|]/).map((x) => x.trim()).filter(Boolean) } : {}),
      };
    }
    if (kind === 'departments') return { id: r.id, name, ...(r.parent ? { parent: r.parent } : {}) };
    return { id: r.id, department: r.department, name };
  });
  const result = orgFile.safeParse({ [kind]: rows });
  const lineOf: LineOf = (path) => (typeof path[1] === 'number' ? lines[path[1]] : undefined);
  if (!result.success) {
    throw invalid(file, result.error.issues.map((i) => ({ line: lineOf(i.path as (string | number)[]), path: i.path.map(String).join('.'), message: i.message })));
  }
  return { data: result.data, lineOf };
}

async function checkReferences(store: Store, data: OrgData, lineOf: LineOf): Promise<OrgProblem[]> {
  const problems: OrgProblem[] = [];
  const departments = new Set([...data.departments.map((d) => d.id), ...(await store.db.selectFrom('departments').select('id').execute()).map((d) => d.id)]);
  const people = new Set([...data.people.map((p) => p.id), ...(await store.db.selectFrom('people').select('id').execute()).map((p) => p.id)]);
  const report = (path: (string | number)[], message: string) => problems.push({ line: lineOf(path), path: path.join('.'), message });
  const seen = new Map<string, Set<string>>();
  const unique = (kind: string, value: string, path: (string | number)[]) => {
    const set = seen.get(kind) ?? new Set<string>();
    if (set.has(value)) report(path, `duplicate id "${value}"`);
    set.add(value);
    seen.set(kind, set);
  };
  data.departments.forEach((d, i) => {
    unique('departments', d.id, ['departments', i, 'id']);
    if (d.parent && !departments.has(d.parent)) report(['departments', i, 'parent'], `no department "${d.parent}"`);
  });
  // No cycles: every rule that reads a department's line (a head's reach, escalation) walks up it.
  const parents = new Map<string, string | null>((await store.db.selectFrom('departments').select(['id', 'parent_id']).execute()).map((d) => [d.id, d.parent_id]));
  for (const d of data.departments) parents.set(d.id, d.parent ?? null);
  data.departments.forEach((d, i) => {
    if (d.parent === d.id) return report(['departments', i, 'parent'], `"${d.id}" cannot be its own parent`);
    const path = [d.id];
    for (let at = d.parent; at; at = parents.get(at) ?? undefined) {
      if (path.includes(at)) return report(['departments', i, 'parent'], `departments form a cycle: ${[...path, at].join(' -> ')}`);
      path.push(at);
    }
  });
  data.people.forEach((p, i) => {
    unique('people', p.id, ['people', i, 'id']);
    // A login says who acts: one account may be one person's only.
    p.logins.forEach((login, j) => unique('logins', login, ['people', i, 'logins', j]));
    if (p.department && !departments.has(p.department)) report(['people', i, 'department'], `no department "${p.department}"`);
  });
  data.posts.forEach((p, i) => {
    unique('posts', p.id, ['posts', i, 'id']);
    if (!departments.has(p.department)) report(['posts', i, 'department'], `no department "${p.department}"`);
  });
  data.escalation.forEach((e, i) => {
    if (e.department !== '*' && !departments.has(e.department)) report(['escalation', i, 'department'], `no department "${e.department}"`);
    e.levels.forEach((l, j) => {
      if (l.person && !people.has(l.person)) report(['escalation', i, 'levels', j, 'person'], `no person "${l.person}"`);
    });
  });
  return problems;
}

function invalid(file: string, problems: OrgProblem[]): DubanError {
  const first = problems[0]!;
  const where = first.line ? `${file}:${first.line}` : file;
  return new DubanError('INPUT_INVALID', `${where}: ${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}; nothing was imported`, {
    place: { file, line: first.line, path: first.path },
    details: { problems },
  });
}
