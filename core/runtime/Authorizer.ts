import type { Db } from '../store/Store.js';

/** What an authorizer is asked: may `actor` send `event` to this instance? */
export interface AuthorizationRequest {
  readonly actor: string;
  readonly event: string;
  readonly chainId: string;
  readonly departmentId: string | null;
  readonly assigneePerson: string | null;
  /** The roles the chain's transition requires, if it names any. */
  readonly requiredRoles?: readonly string[];
}

/**
 * Decides whether an actor may send an event. Enforced inside the engine's transaction,
 * so no screen or script can go around it.
 */
export interface Authorizer {
  /** @throws DubanError `NOT_ALLOWED` (or `UNKNOWN_PERSON`) with the reason. */
  authorize(db: Db, request: AuthorizationRequest): Promise<void>;
}
