import { DubanError } from '../errors/DubanError.js';
import type { AuthorizationRequest, Authorizer } from '../runtime/Authorizer.js';
import { isSystemActor } from '../runtime/InstanceView.js';
import type { Db } from '../store/Store.js';
import { OrgDirectory } from './OrgDirectory.js';

/** Roles that count only within the person's own department (and its sub-departments). */
export const DEPARTMENT_SCOPED_ROLES: readonly string[] = ['head'];

/**
 * Checks actors against the people of the org model. The engine itself (`system:*`)
 * may send anything. Until an org is imported (no people at all) anyone may act where no
 * role is required, so a fresh single-user install works; once people exist, an unknown
 * actor is refused, and a transition that names roles needs one of them. A department
 * head's role counts only for their own department or a department below it.
 */
export class RoleAuthorizer implements Authorizer {
  async authorize(db: Db, request: AuthorizationRequest): Promise<void> {
    if (isSystemActor(request.actor)) return;
    const org = new OrgDirectory(db);
    const person = await org.person(request.actor);
    if (!person) {
      const anyone = await db.selectFrom('people').select('id').limit(1).executeTakeFirst();
      if (!anyone && !request.requiredRoles) return;
      throw new DubanError('UNKNOWN_PERSON', `"${request.actor}" is not a person of the org; use --as with a person id`, {
        place: { argument: '--as' },
      });
    }
    if (!person.active) throw new DubanError('NOT_ALLOWED', `${request.actor} is inactive`, { place: { argument: '--as' } });
    const required = request.requiredRoles;
    if (!required) return;
    for (const role of required) {
      if (!person.roles.includes(role)) continue;
      if (!DEPARTMENT_SCOPED_ROLES.includes(role)) return;
      if (request.departmentId && person.departmentId && (await org.departmentLine(request.departmentId)).includes(person.departmentId)) return;
    }
    throw new DubanError(
      'NOT_ALLOWED',
      `${request.actor} (${person.roles.join(', ') || 'no role'}${person.departmentId ? ` of ${person.departmentId}` : ''}) may not ${request.event}` +
        `${request.departmentId ? ` for ${request.departmentId}` : ''}: it needs ${required.join(' or ')}`,
      { place: { argument: '--as' }, details: { required, roles: person.roles } },
    );
  }
}
