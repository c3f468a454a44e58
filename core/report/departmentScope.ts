import type { Kysely } from 'kysely';
import { DubanError } from '../errors/DubanError.js';
import type { Localized } from '../i18n/Localized.js';
import type { DubanSchema } from '../store/schema.js';

/** The org's departments as a report needs them: names, and who is under whom. */
export interface DepartmentDirectory {
  readonly names: Readonly<Record<string, Localized>>;
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
  return { names, subtree, has: (id) => id in names };
}

/**
 * The departments a report for `department` covers: itself and its sub-departments (a
 * report for 医技科 includes CT and ultrasound). A department outside the org table is
 * accepted when findings name it (county labs are often only in the TB plugin's data).
 *
 * @throws DubanError `USAGE` naming `--dept` when neither the org nor any finding knows it.
 */
export async function departmentScope(db: Kysely<any>, directory: DepartmentDirectory, department: string): Promise<readonly string[]> {
  if (directory.has(department)) return directory.subtree(department);
  const known = await (db as Kysely<DubanSchema>).selectFrom('findings').select('id').where('department_id', '=', department).limit(1).executeTakeFirst();
  if (!known) throw new DubanError('USAGE', `--dept: no department "${department}" in the org or the findings; see duban org show`, { place: { argument: '--dept' } });
  return [department];
}
