import { DubanError } from '../core/errors/DubanError.js';

/**
 * The end of the demo history: `DUBAN_NOW` when set (the instant every command's clock
 * starts at, for simulations and tests), else the wall clock.
 *
 * @throws DubanError `USAGE` naming `DUBAN_NOW` when it is not an ISO 8601 instant.
 */
export function demoNow(env: NodeJS.ProcessEnv = process.env): Date {
  const text = env.DUBAN_NOW;
  if (!text) return new Date();
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new DubanError('USAGE', `DUBAN_NOW="${text}" is not an ISO 8601 instant`, { place: { argument: 'DUBAN_NOW' } });
  return at;
}
