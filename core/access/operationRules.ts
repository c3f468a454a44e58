import type { AccessRule } from '../kernel/accessRule.js';

/**
 * Rules of what people do outside a chain. Schedules are the quality office's and IT's
 * (DOMAIN.md: the office schedules inspections; IT keeps chains, plugins and schedules);
 * so is the org file that all the other rules read.
 */
export const OPERATION_RULES = {
  'schedules.change': { roles: ['it', 'office'] },
  'org.import': { roles: ['it', 'office'] },
} as const satisfies Readonly<Record<string, AccessRule>>;

/** An operation {@link OPERATION_RULES} names. */
export type Operation = keyof typeof OPERATION_RULES;
