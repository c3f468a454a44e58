import type { CommandContext } from '../../../core/index.js';
import { tbError } from '../lib/tbError.js';

/**
 * Refuses the command unless its actor holds one of `roles`. Recording a reading is the
 * controller's (the umpire's for `--umpire`), and a round's slides are for those who read
 * or run it: whoever else records a reading in a blinded recheck spoils it. As in the
 * core: the engine's own actors pass, and until an org is imported (no people at all)
 * the commands are open to a single-user install; after that an unknown or inactive
 * actor is refused too. `--as` names the actor, so the refusal points there.
 */
export async function requireRole(ctx: CommandContext, roles: readonly string[]): Promise<void> {
  if (ctx.actor.startsWith('system:')) return;
  const person: { roles: string; active: number } | undefined = await ctx.db
    .selectFrom('people')
    .select(['roles', 'active'])
    .where('id', '=', ctx.actor)
    .executeTakeFirst();
  const place = { argument: '--as' };
  if (!person) {
    const anyone = await ctx.db.selectFrom('people').select('id').limit(1).executeTakeFirst();
    if (!anyone) return;
    throw tbError('UNKNOWN_PERSON', 'err.unknownPerson', { actor: ctx.actor }, place);
  }
  const held = person.roles.split(',').filter(Boolean);
  if (Number(person.active) !== 1 || !roles.some((role) => held.includes(role))) {
    throw tbError('NOT_ALLOWED', 'err.needsRole', { actor: ctx.actor, roles: roles.join(' / ') }, place);
  }
}
