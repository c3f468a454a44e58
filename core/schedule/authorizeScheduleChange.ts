import { DubanError } from '../errors/DubanError.js';
import { isSystemActor } from '../runtime/InstanceView.js';
import type { Db } from '../store/Store.js';

/**
 * Who may add, pause, resume and remove schedules: `it` (issue 3: "it: chains, plugins,
 * schedules") and `office` (DOMAIN.md: the quality office schedules inspections).
 */
export const SCHEDULE_MANAGER_ROLES: readonly string[] = ['it', 'office'];

/**
 * Checks that `actor` may change schedules, inside the caller's transaction. The engine
 * (`system:*`) may; until an org is imported (no people at all) anyone may, like the
 * engine's authorizer, so a fresh single-user install works.
 *
 * @throws DubanError `UNKNOWN_PERSON`, or `NOT_ALLOWED` naming the roles needed.
 */
export async function authorizeScheduleChange(db: Db, actor: string, operation: string): Promise<void> {
  if (isSystemActor(actor)) return;
  const person = await db.selectFrom('people').select(['roles', 'active']).where('id', '=', actor).executeTakeFirst();
  if (!person) {
    const anyone = await db.selectFrom('people').select('id').limit(1).executeTakeFirst();
    if (!anyone) return;
    throw new DubanError('UNKNOWN_PERSON', `"${actor}" is not a person of the org; use --as with a person id`, { place: { argument: '--as' } });
  }
  const roles = person.roles.split(',').map((r) => r.trim()).filter(Boolean);
  if (!Number(person.active) || !SCHEDULE_MANAGER_ROLES.some((r) => roles.includes(r))) {
    throw new DubanError(
      'NOT_ALLOWED',
      `${actor} (${roles.join(', ') || 'no role'}${Number(person.active) ? '' : ', inactive'}) may not ${operation}: it needs ${SCHEDULE_MANAGER_ROLES.join(' or ')}`,
      { place: { argument: '--as' }, details: { required: SCHEDULE_MANAGER_ROLES, roles } },
    );
  }
}
