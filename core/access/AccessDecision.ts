/** The answer of `can()`: allowed, or why not, with the stable code a refusal carries. */
export type AccessDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** `NOT_ALLOWED` or `UNKNOWN_PERSON` are refusals (audited); `EVENT_NOT_ACCEPTED` is a wrong step. */
      readonly code: 'NOT_ALLOWED' | 'UNKNOWN_PERSON' | 'EVENT_NOT_ACCEPTED';
      readonly reason: string;
      /** The allow rules that were not met, for screens that explain a greyed-out action. */
      readonly needs?: readonly string[];
    };

/** A decision that allows. */
export const ALLOWED: AccessDecision = Object.freeze({ allowed: true });
