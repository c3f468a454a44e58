import { DubanError } from '../errors/DubanError.js';
import type { AccessDecision } from './AccessDecision.js';

// Refusals already written to the audit log, so the faces that meet one again do not write it twice.
const audited = new WeakSet<Error>();

/** True for the errors that are refusals: an actor check that said no. */
export function isRefusal(error: unknown): error is DubanError {
  return error instanceof DubanError && (error.code === 'NOT_ALLOWED' || error.code === 'UNKNOWN_PERSON');
}

/** The error a refused decision throws; it points at `--as`, the argument that names the actor. */
export function refusalError(decision: Extract<AccessDecision, { allowed: false }>): DubanError {
  return new DubanError(decision.code, decision.reason, {
    place: decision.code === 'EVENT_NOT_ACCEPTED' ? undefined : { argument: '--as' },
    details: decision.needs ? { needs: decision.needs } : undefined,
  });
}

/** Marks a refusal as written to the audit log. */
export function markAudited(error: Error): void {
  audited.add(error);
}

/** True when the refusal was already written to the audit log. */
export function wasAudited(error: Error): boolean {
  return audited.has(error);
}
