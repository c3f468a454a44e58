import { isDubanError } from '../../../core/plugin/index.js';
import { problemText } from '../lib/tbError.js';

/**
 * Turns a problem the people of the chain can fix (bad input: a wrong register, a missing
 * reading) into the activity's answer `{ ok: false, problem }`, which sends the chain back
 * to the step where it is fixed. Anything else is thrown again, for the outbox to retry
 * and, in the end, to become an incident.
 */
export function problemResult(error: unknown): Record<string, unknown> {
  if (isDubanError(error) && (error.code === 'INPUT_INVALID' || error.code === 'NOT_FOUND')) {
    return { ok: false, problem: problemText(error) };
  }
  throw error;
}

/** A finite number from chain data, or undefined. */
export function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The person who submitted a form, as the chain recorded it (`$event.actor`). */
export function actorOf(value: unknown): string {
  return typeof value === 'string' && value.length > 0 ? value : 'system:tb-lab';
}
