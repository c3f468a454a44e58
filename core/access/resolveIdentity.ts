import { userInfo } from 'node:os';
import { sql } from 'kysely';
import { isReservedActorId, personActor, type PersonActor } from '../actor/Actor.js';
import { OrgDirectory } from '../org/OrgDirectory.js';
import type { Store } from '../store/Store.js';
import type { AccessControl } from './AccessControl.js';
import { refusal } from './refusals.js';

/** Who a face says is acting, and where it read that. */
export interface IdentityClaim {
  /** The person named from outside (`--as`, the config's `person`, `DUBAN_AS`), if any. */
  readonly claimed?: string;
  /** Where `claimed` came from, for the refusal's place (`--as`, `DUBAN_AS`, `person`). */
  readonly source?: string;
  /** The OS account running the command; default the current one. */
  readonly osLogin?: string;
}

/** How the acting person was established. */
export interface Identity {
  readonly actor: PersonActor;
  /** `login` when the org maps logins to people; `declared` when the claim is taken as given. */
  readonly basis: 'login' | 'declared';
}

/**
 * Establishes who acts. Identity is given, not claimed, once the org says who logs in:
 * when any person has `logins`, the acting person is the one whose logins include the OS
 * account (SQLite) or the database's `current_user` (PostgreSQL), and naming another
 * person is acting on their behalf, which only the `office` may (the audit row then
 * records both). Without logins (the demo, tests, a single-user office) the claim is
 * taken as given. Either way an id of the engine itself (`system…`) is refused. Every
 * refusal is audited.
 *
 * @throws DubanError `NOT_ALLOWED` or `UNKNOWN_PERSON`, pointing at the claim's source.
 */
export async function resolveIdentity(store: Store, access: AccessControl, claim: IdentityClaim): Promise<Identity> {
  const osLogin = claim.osLogin ?? currentOsLogin();
  const place = { argument: claim.source ?? '--as' };
  const refuse = async (code: 'NOT_ALLOWED' | 'UNKNOWN_PERSON', actor: string, message: string, by?: string): Promise<never> => {
    const error = refusal(code, message, { place });
    await access.recordRefusal(personActor(actor, by), error, { event: 'act' });
    throw error;
  };
  if (claim.claimed !== undefined && isReservedActorId(claim.claimed)) {
    await refuse('NOT_ALLOWED', claim.claimed, `"${claim.claimed}" is an id of the engine itself; no person may act as it`);
  }
  const org = new OrgDirectory(store.db);
  if (!(await org.hasLogins())) return { actor: personActor(claim.claimed ?? osLogin), basis: 'declared' };

  const login = store.dialect === 'postgres' ? await databaseUser(store) : osLogin;
  const me = await org.personByLogin(login);
  if (!me || !me.active) {
    await refuse('UNKNOWN_PERSON', login, `the login "${login}" is no active person's in the org; ask the office to add it to a person's logins`);
  }
  const self = me!;
  if (claim.claimed === undefined || claim.claimed === self.id) return { actor: personActor(self.id), basis: 'login' };
  if (!self.roles.includes('office')) {
    await refuse('NOT_ALLOWED', claim.claimed, `${self.id} (logged in as ${login}) may not act as ${claim.claimed}: acting on another's behalf needs office`, self.id);
  }
  return { actor: personActor(claim.claimed, self.id), basis: 'login' };
}

function currentOsLogin(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  }
}

async function databaseUser(store: Store): Promise<string> {
  const { rows } = await sql<{ user: string }>`select current_user as "user"`.execute(store.db);
  return rows[0]!.user;
}
