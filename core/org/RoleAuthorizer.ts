import { DubanError } from '../errors/DubanError.js';
import type { AuthorizationRequest, Authorizer } from '../runtime/Authorizer.js';
import { isSystemActor } from '../runtime/InstanceView.js';
import type { Db } from '../store/Store.js';

/**
 * Checks actors against the people of the org model. The engine itself (`system:*`)
 * may send anything. Until an org is imported (no people at all) anyone may act, so a
 * fresh single-user install works; once people exist, an unknown actor is refused and a
 * transition that names roles needs one of them.
 */
export class RoleAuthorizer implements Authorizer {
  async authorize(db: Db, request: AuthorizationRequest): Promise<void> {
    if (isSystemActor(request.actor)) return;
    const person = await db.selectFrom('people').select(['roles', 'active']).where('id', '=', request.actor).executeTakeFirst();
    if (!person) {
      const anyone = await db.selectFrom('people').select('id').limit(1).executeTakeFirst();
      if (!anyone && !request.requiredRoles) return;
      throw new DubanError('UNKNOWN_PERSON', `"${request.actor}" is not a person of the org; use --as with a person id`, {
        place: { argument: '--as' },
      });
    }
    if (!person.active) {
      throw new DubanError('NOT_ALLOWED', `${request.actor} is inactive`, { place: { argument: '--as' } });
    }
    const roles = person.roles.split(',').filter(Boolean);
    if (request.requiredRoles && !request.requiredRoles.some((r) => roles.includes(r))) {
      throw new DubanError(
        'NOT_ALLOWED',
        `${request.actor} (${roles.join(', ') || 'no role'}) may not send ${request.event}: it needs ${request.requiredRoles.join(' or ')}`,
        { place: { argument: '--as' }, details: { required: request.requiredRoles, roles } },
      );
    }
  }
}
