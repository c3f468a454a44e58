import { DateTime } from 'luxon';
import { DubanError } from '../errors/DubanError.js';
import { mulberry32 } from '../util/mulberry32.js';
import type { RandomWindow } from './ScheduleTypes.js';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Parses `"22:00-06:00"` (or `{ from, to }` parts) into a window.
 *
 * @throws DubanError `INPUT_INVALID` naming `field`.
 */
export function parseRandomWindow(text: string, field = 'window'): RandomWindow {
  const [from, to, ...rest] = text.split('-').map((s) => s.trim());
  if (from === undefined || to === undefined || rest.length > 0) {
    throw new DubanError('INPUT_INVALID', `${field}: "${text}" is not a window like 22:00-06:00`, { place: { path: field } });
  }
  return checkRandomWindow({ from, to }, field);
}

/**
 * Checks a window: both ends `HH:mm`, and not the same.
 *
 * @throws DubanError `INPUT_INVALID` naming `field.from` or `field.to`.
 */
export function checkRandomWindow(window: RandomWindow, field = 'window'): RandomWindow {
  for (const end of ['from', 'to'] as const) {
    if (!HH_MM.test(window[end])) {
      throw new DubanError('INPUT_INVALID', `${field}.${end}: "${window[end]}" is not a time like 22:00`, { place: { path: `${field}.${end}` } });
    }
  }
  if (window.from === window.to) {
    throw new DubanError('INPUT_INVALID', `${field}: from and to are both ${window.from}; a window needs a length`, { place: { path: field } });
  }
  return { from: window.from, to: window.to };
}

/**
 * The seed of one occurrence's draw: from the schedule's secret seed and the scheduled
 * instant, so every process computes the same instant, and the seed can be recorded and
 * the draw replayed. FNV-1a over both, 32 bits.
 */
export function occurrenceSeed(scheduleSeed: number, scheduledAt: Date): number {
  const text = `${scheduleSeed}:${scheduledAt.toISOString()}`;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The window an occurrence draws from: the window period that contains the scheduled
 * instant, starting no earlier than it; or, when the instant is outside every window, the
 * next window. Wall times are read in `zone`, so "22:00" stays 22:00 across daylight
 * saving (a wall time in a gap moves to the first instant after it).
 */
export function windowFor(scheduledAt: Date, window: RandomWindow, zone: string): { start: Date; end: Date } {
  const at = DateTime.fromJSDate(scheduledAt, { zone });
  const [fh, fm] = window.from.split(':').map(Number) as [number, number];
  const [th, tm] = window.to.split(':').map(Number) as [number, number];
  const opening = (day: DateTime) => day.set({ hour: fh, minute: fm, second: 0, millisecond: 0 });
  const closing = (open: DateTime) => {
    let close = open.set({ hour: th, minute: tm, second: 0, millisecond: 0 });
    if (close <= open) close = open.plus({ days: 1 }).set({ hour: th, minute: tm, second: 0, millisecond: 0 });
    return close;
  };
  // The window that opened on the previous day may still be open (22:00-06:00 at 01:00).
  for (const open of [opening(at.minus({ days: 1 })), opening(at), opening(at.plus({ days: 1 }))]) {
    const close = closing(open);
    if (at < close) {
      const start = open > at ? open : at;
      return { start: start.toJSDate(), end: close.toJSDate() };
    }
  }
  // Unreachable for a valid window: one of three consecutive days' windows ends after `at`.
  throw new DubanError('INTERNAL', `no window ${window.from}-${window.to} found after ${scheduledAt.toISOString()}`);
}

/**
 * Draws the fire instant of an occurrence inside its window, from its seed: uniform over
 * whole seconds in [start, end).
 */
export function drawFireInstant(scheduledAt: Date, window: RandomWindow, zone: string, seed: number): Date {
  const { start, end } = windowFor(scheduledAt, window, zone);
  const seconds = Math.max(1, Math.floor((end.getTime() - start.getTime()) / 1000));
  const offset = Math.floor(mulberry32(seed)() * seconds);
  return new Date(start.getTime() + offset * 1000);
}
