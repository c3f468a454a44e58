import type { Db } from '../store/Store.js';
import type { NotifyTarget } from './Notification.js';

/** A person a notification reaches. */
export interface Recipient {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/**
 * The people a notification is for, by id:
 * - `person`: that person, unless the org lists them as inactive. A person the org does
 *   not list still gets it (the org may not be imported yet; an inbox is just an id).
 * - `role`: the active people holding the role; within `department` and the departments
 *   below it when one is named.
 * - `department` alone: every active person there (and below).
 */
export async function resolveRecipients(db: Db, target: NotifyTarget): Promise<Recipient[]> {
  if (target.person !== undefined) {
    const row = await db.selectFrom('people').select(['id', 'name_zh', 'name_en', 'active']).where('id', '=', target.person).executeTakeFirst();
    if (!row) return [{ id: target.person, nameZh: target.person, nameEn: target.person }];
    return Number(row.active) ? [{ id: row.id, nameZh: row.name_zh, nameEn: row.name_en }] : [];
  }
  let query = db.selectFrom('people').select(['id', 'name_zh', 'name_en', 'roles']).where('active', '=', 1).orderBy('id');
  if (target.department !== undefined) query = query.where('department_id', 'in', await departmentAndBelow(db, target.department));
  const rows = await query.execute();
  return rows
    .filter((r) => target.role === undefined || r.roles.split(',').map((x) => x.trim()).includes(target.role))
    .map((r) => ({ id: r.id, nameZh: r.name_zh, nameEn: r.name_en }));
}

async function departmentAndBelow(db: Db, id: string): Promise<string[]> {
  const rows = await db.selectFrom('departments').select(['id', 'parent_id']).execute();
  const found = [id];
  for (let i = 0; i < found.length; i++) {
    for (const r of rows) if (r.parent_id === found[i] && !found.includes(r.id)) found.push(r.id);
  }
  return found;
}
