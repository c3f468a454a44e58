import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDubanError } from '../../core/errors/DubanError.js';
import { compileCron, compileFiringCron } from '../../core/schedule/cronClock.js';

/** The next `count` fire instants after `from`, as UTC ISO strings. */
function nextTimes(expr: string, zone: string, from: string, count: number): string[] {
  const clock = compileCron(expr, zone);
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i++) {
    at = clock.next(at)!;
    out.push(at.toISOString());
  }
  return out;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('cron next fire times', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('weekdays at 09:00 in Asia/Shanghai (UTC+8, no daylight saving) skip the weekend', () => {
    // Friday 2026-03-06 10:00 in Shanghai: the next is Monday 09:00 (+08:00 = 01:00Z).
    expect(nextTimes('0 9 * * 1-5', 'Asia/Shanghai', '2026-03-06T02:00:00Z', 4)).toEqual([
      '2026-03-09T01:00:00.000Z',
      '2026-03-10T01:00:00.000Z',
      '2026-03-11T01:00:00.000Z',
      '2026-03-12T01:00:00.000Z',
    ]);
  });

  it('local midnight in Shanghai is 16:00 UTC of the day before; the first of the month at 08:30', () => {
    expect(nextTimes('0 0 * * *', 'Asia/Shanghai', '2026-03-01T15:59:59Z', 2)).toEqual(['2026-03-01T16:00:00.000Z', '2026-03-02T16:00:00.000Z']);
    expect(nextTimes('30 8 1 * *', 'Asia/Shanghai', '2026-01-15T00:00:00Z', 3)).toEqual([
      '2026-02-01T00:30:00.000Z',
      '2026-03-01T00:30:00.000Z',
      '2026-04-01T00:30:00.000Z',
    ]);
  });

  it('counts strictly after the given instant, also with six fields (seconds)', () => {
    expect(nextTimes('0 9 * * *', 'Asia/Shanghai', '2026-03-02T01:00:00Z', 1)).toEqual(['2026-03-03T01:00:00.000Z']);
    expect(nextTimes('*/20 * * * * *', 'Asia/Shanghai', '2026-03-02T01:00:00Z', 3)).toEqual([
      '2026-03-02T01:00:20.000Z',
      '2026-03-02T01:00:40.000Z',
      '2026-03-02T01:01:00.000Z',
    ]);
  });

  it('09:00 in Europe/Berlin stays 09:00 local across the spring change (CET +1 -> CEST +2)', () => {
    // 2026-03-29 02:00 CET the clocks jump to 03:00 CEST.
    expect(nextTimes('0 9 * * *', 'Europe/Berlin', '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('02:30 in Europe/Berlin, which does not exist on 2026-03-29, fires at 03:00 CEST that day', () => {
    expect(nextTimes('30 2 * * *', 'Europe/Berlin', '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
  });

  it('02:30 in Europe/Berlin, which happens twice on 2026-10-25, fires once', () => {
    expect(nextTimes('30 2 * * *', 'Europe/Berlin', '2026-10-23T12:00:00Z', 3)).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('hourly in Europe/Berlin fires every real hour through the autumn change (02:00 local twice)', () => {
    expect(nextTimes('0 * * * *', 'Europe/Berlin', '2026-10-24T23:30:00Z', 4)).toEqual([
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
    ]);
  });

  it('does not read the wall clock: the same start gives the same instants whatever the system time', () => {
    const expected = nextTimes('0 9 * * 1-5', 'Asia/Shanghai', '2026-03-06T02:00:00Z', 3);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-07-01T00:00:00Z'));
    expect(nextTimes('0 9 * * 1-5', 'Asia/Shanghai', '2026-03-06T02:00:00Z', 3)).toEqual(expected);
  });

  it('rejects a malformed expression and an unknown zone with INPUT_INVALID naming the field', () => {
    for (const expr of ['61 * * * *', '0 9 * *', 'every day', '0 9 * * 8-9']) {
      const error = thrown(() => compileCron(expr, 'Asia/Shanghai'));
      expect(isDubanError(error, 'INPUT_INVALID'), expr).toBe(true);
      expect((error as { place: { path: string } }).place.path).toBe('cron');
      expect((error as Error).message).toMatch(/^cron: /);
    }
    for (const zone of ['Mars/Olympus', 'Asia/Shangai', '+08:00', '']) {
      const error = thrown(() => compileCron('0 9 * * *', zone));
      expect(isDubanError(error, 'INPUT_INVALID'), zone).toBe(true);
      expect((error as { place: { path: string } }).place.path).toBe('timeZone');
    }
    const never = thrown(() => compileFiringCron('0 0 30 2 *', 'Asia/Shanghai', new Date('2026-03-02T00:00:00Z')));
    expect(isDubanError(never, 'INPUT_INVALID')).toBe(true);
    expect((never as Error).message).toContain('never fires');
  });
});
