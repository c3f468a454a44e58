import { OrgDirectory, type Person } from '../org/OrgDirectory.js';
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
  const org = new OrgDirectory(db);
  if (target.person !== undefined) {
    const person = await org.person(target.person);
    if (!person) return [{ id: target.person, nameZh: target.person, nameEn: target.person }];
    return person.active ? [recipient(person)] : [];
  }
  const within = target.department === undefined ? null : new Set((await org.directory()).subtree(target.department));
  return (await org.people())
    .filter((p) => p.active && (within === null || (p.departmentId !== null && within.has(p.departmentId))) && (target.role === undefined || p.roles.includes(target.role)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(recipient);
}

function recipient(p: Person): Recipient {
  return { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn };
}
