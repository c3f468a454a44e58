import type { Kysely } from 'kysely';
import type { Localized } from '../i18n/Localized.js';
import type { DubanSchema } from '../store/schema.js';

/** The org's departments: names, and who is under whom. */
export interface DepartmentDirectory {
  readonly names: Readonly<Record<string, Localized>>;
  /** Each department with its parent, ordered by id. */
  readonly list: readonly { readonly id: string; readonly name: Localized; readonly parentId: string | null }[];
  /** The department and all its sub-departments, depth-first from the department itself. */
  readonly subtree: (id: string) => readonly string[];
  readonly has: (id: string) => boolean;
}

/** Reads the departments table once (a hospital has tens of departments). */
export async function readDepartmentDirectory(db: Kysely<any>): Promise<DepartmentDirectory> {
  const rows = await (db as Kysely<DubanSchema>).selectFrom('departments').select(['id', 'parent_id', 'name_zh', 'name_en']).orderBy('id').execute();
  const children = new Map<string, string[]>();
  for (const row of rows) if (row.parent_id) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row.id]);
  const names = Object.fromEntries(rows.map((r) => [r.id, { 'zh-CN': r.name_zh, en: r.name_en }]));
  const subtree = (id: string): string[] => {
    const out: string[] = [];
    const visit = (d: string) => {
      // A cycle in an imported org must not hang a report.
      if (out.includes(d)) return;
      out.push(d);
      for (const child of children.get(d) ?? []) visit(child);
    };
    visit(id);
    return out;
  };
  const list = rows.map((r) => ({ id: r.id, name: { 'zh-CN': r.name_zh, en: r.name_en }, parentId: r.parent_id }));
  return { names, list, subtree, has: (id) => id in names };
}
