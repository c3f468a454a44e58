import { DubanError } from '../errors/DubanError.js';
import { refusesActor, type AccessDecision } from './AccessDecision.js';

// Refusals already written to the audit log, so the faces that meet one again do not write it twice.
const audited = new WeakSet<Error>();
// The errors that are refusals: made by an actor check, not by validation (a form's
// unknown owner is UNKNOWN_PERSON too, and writes nothing).
const refusals = new WeakSet<Error>();

/** True for the errors that are refusals: an actor check that said no. */
export function isRefusal(error: unknown): error is DubanError {
  return error instanceof DubanError && refusals.has(error);
}

/** A refusal of the acting person, to be audited once. */
export function refusal(code: 'NOT_ALLOWED' | 'UNKNOWN_PERSON', message: string, options: ConstructorParameters<typeof DubanError>[2] = {}): DubanError {
  const error = new DubanError(code, message, options);
  refusals.add(error);
  return error;
}

/** The error a refused decision throws; it points at `--as`, the argument that names the actor. */
export function refusalError(decision: Extract<AccessDecision, { allowed: false }>): DubanError {
  const options = { place: { argument: '--as' }, details: decision.needs ? { needs: decision.needs } : undefined };
  return refusesActor(decision) ? refusal(decision.code, decision.reason, options) : new DubanError(decision.code, decision.reason);
}

/** Marks a refusal as written to the audit log. */
export function markAudited(error: Error): void {
  audited.add(error);
}

/** True when the refusal was already written to the audit log. */
export function wasAudited(error: Error): boolean {
  return audited.has(error);
}
