import { OffsetClock, SystemClock, type Clock } from '../core/clock/Clock.js';
import { DubanError } from '../core/errors/DubanError.js';

/** The clock every command runs on: the system's, shifted to start at `DUBAN_NOW` when set (simulations). */
export function sessionClock(): Clock {
  return process.env.DUBAN_NOW ? new OffsetClock(parseNow(process.env.DUBAN_NOW)) : new SystemClock();
}

function parseNow(text: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    throw new DubanError('USAGE', `DUBAN_NOW="${text}" is not an ISO 8601 instant`, { place: { argument: 'DUBAN_NOW' } });
  }
  return at;
}
