/** The answer of `can()`: allowed, or why not, with the stable code a refusal carries. */
export type AccessDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /**
       * `NOT_ALLOWED` or `UNKNOWN_PERSON` are refusals of the actor (audited): not allowed.
       * The others are not possible now, whoever asks: `EVENT_NOT_ACCEPTED` a wrong step,
       * `GUARD_REJECTED` a step whose conditions do not hold (an action still open).
       */
      readonly code: 'NOT_ALLOWED' | 'UNKNOWN_PERSON' | 'EVENT_NOT_ACCEPTED' | 'GUARD_REJECTED';
      readonly reason: string;
      /** The allow rules that were not met, for screens that explain a greyed-out action. */
      readonly needs?: readonly string[];
    };

/** True for a decision that refuses the actor (not allowed), as against an event not possible now. */
export function refusesActor(decision: AccessDecision): decision is Extract<AccessDecision, { allowed: false }> & { readonly code: 'NOT_ALLOWED' | 'UNKNOWN_PERSON' } {
  return !decision.allowed && (decision.code === 'NOT_ALLOWED' || decision.code === 'UNKNOWN_PERSON');
}

/** An event the step's conditions refuse now: what can() answers, and the engine's `GUARD_REJECTED` says. */
export function notPossibleNow(instanceId: string, state: string, event: string): Extract<AccessDecision, { allowed: false }> {
  return { allowed: false, code: 'GUARD_REJECTED', reason: `${instanceId}: the conditions of ${event} in step "${state}" do not hold` };
}

/** A decision that allows. */
export const ALLOWED: AccessDecision = Object.freeze({ allowed: true });
