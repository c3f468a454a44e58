import type { Db } from '../store/Store.js';
import type { FieldProblem, FieldSpec, FormSpec } from '../kernel/formFields.js';

type OrgKind = 'person' | 'department' | 'post';

const TABLE = { person: 'people', department: 'departments', post: 'posts' } as const;
const CODE = { person: 'UNKNOWN_PERSON', department: 'UNKNOWN_DEPARTMENT', post: 'UNKNOWN_POST' } as const;
const NOUN = { person: 'person', department: 'department', post: 'post' } as const;

/**
 * The org's half of form validation, kept out of the pure kernel: every `person`,
 * `department` and `post` value of `data` (in lists too) must name an entry of the org,
 * once an org is imported. One query per kind, whatever the form's size. Each problem
 * names its field path and carries `UNKNOWN_PERSON`, `UNKNOWN_DEPARTMENT` or `UNKNOWN_POST`.
 */
export async function checkFormReferences(db: Db, form: FormSpec, data: unknown, prefix = ''): Promise<FieldProblem[]> {
  const refs: { kind: OrgKind; value: string; path: string }[] = [];
  collect(form, data, prefix, refs);
  if (refs.length === 0) return [];
  if (!(await db.selectFrom('people').select('id').limit(1).executeTakeFirst())) return [];
  const known = new Map<OrgKind, Set<string>>();
  for (const kind of new Set(refs.map((r) => r.kind))) {
    const values = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.value))];
    const rows = await db.selectFrom(TABLE[kind]).select('id').where('id', 'in', values).execute();
    known.set(kind, new Set(rows.map((r) => r.id)));
  }
  return refs
    .filter((r) => !known.get(r.kind)!.has(r.value))
    .map((r) => ({ path: r.path, message: `no ${NOUN[r.kind]} "${r.value}" in the org`, code: CODE[r.kind] }));
}

function collect(form: FormSpec, data: unknown, prefix: string, into: { kind: OrgKind; value: string; path: string }[]): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
  for (const [key, field] of Object.entries(form)) collectValue(field, (data as Record<string, unknown>)[key], prefix + key, into);
}

function collectValue(field: FieldSpec, value: unknown, path: string, into: { kind: OrgKind; value: string; path: string }[]): void {
  if (field.type === 'person' || field.type === 'department' || field.type === 'post') {
    if (typeof value === 'string' && value !== '') into.push({ kind: field.type, value, path });
    return;
  }
  if (field.type !== 'list' || !Array.isArray(value)) return;
  value.forEach((item, i) => {
    if (field.of) collectValue(field.of, item, `${path}.${i}`, into);
    else collect(field.items ?? {}, item, `${path}.${i}.`, into);
  });
}
