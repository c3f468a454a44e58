import { describe, expect, it } from 'vitest';
import { isDubanError } from '../../core/errors/DubanError.js';
import { mulberry32 } from '../../core/util/mulberry32.js';
import { drawFireInstant, occurrenceSeed, parseRandomWindow, windowFor } from '../../core/schedule/randomWindow.js';

const night = { from: '22:00', to: '06:00' };

describe('random window', () => {
  it('a 22:00 occurrence draws from 22:00 to 06:00 the next morning, local time', () => {
    // 2026-03-02 22:00 in Shanghai is 14:00Z; the window closes 2026-03-03 06:00 (22:00Z).
    const w = windowFor(new Date('2026-03-02T14:00:00Z'), night, 'Asia/Shanghai');
    expect(w.start.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-03-02T22:00:00.000Z');
  });

  it('an occurrence inside the window draws from its instant to the window end; one outside waits for the next window', () => {
    // 01:00 local (17:00Z the day before) is inside last night's window.
    const inside = windowFor(new Date('2026-03-02T17:00:00Z'), night, 'Asia/Shanghai');
    expect([inside.start.toISOString(), inside.end.toISOString()]).toEqual(['2026-03-02T17:00:00.000Z', '2026-03-02T22:00:00.000Z']);
    // 09:00 local is outside: the window of that evening.
    const outside = windowFor(new Date('2026-03-03T01:00:00Z'), night, 'Asia/Shanghai');
    expect([outside.start.toISOString(), outside.end.toISOString()]).toEqual(['2026-03-03T14:00:00.000Z', '2026-03-03T22:00:00.000Z']);
  });

  it('keeps wall times across a daylight-saving change (Europe/Berlin, 2026-03-29)', () => {
    // 22:00 CET on the 28th is 21:00Z; 06:00 CEST on the 29th is 04:00Z: seven real hours.
    const w = windowFor(new Date('2026-03-28T21:00:00Z'), night, 'Europe/Berlin');
    expect([w.start.toISOString(), w.end.toISOString()]).toEqual(['2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z']);
  });

  it('draws the same instant from the same seed, inside the window, on whole seconds', () => {
    const scheduled = new Date('2026-03-02T14:00:00Z');
    const seed = occurrenceSeed(12345, scheduled);
    expect(occurrenceSeed(12345, scheduled)).toBe(seed);
    expect(occurrenceSeed(12346, scheduled)).not.toBe(seed);
    const drawn = drawFireInstant(scheduled, night, 'Asia/Shanghai', seed);
    expect(drawFireInstant(scheduled, night, 'Asia/Shanghai', seed).toISOString()).toBe(drawn.toISOString());
    // Replayable from the recorded seed: the first number of mulberry32(seed) over the window's seconds.
    const expected = new Date(scheduled.getTime() + Math.floor(mulberry32(seed)() * 8 * 3600) * 1000);
    expect(drawn.toISOString()).toBe(expected.toISOString());
    for (let i = 0; i < 200; i++) {
      const at = drawFireInstant(scheduled, night, 'Asia/Shanghai', occurrenceSeed(i, scheduled));
      expect(at.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-02T14:00:00Z'));
      expect(at.getTime()).toBeLessThan(Date.parse('2026-03-02T22:00:00Z'));
      expect(at.getUTCMilliseconds()).toBe(0);
    }
  });

  it('parses "22:00-06:00" and rejects bad windows naming the field', () => {
    expect(parseRandomWindow('22:00-06:00')).toEqual(night);
    for (const [text, path] of [
      ['22:00', 'window'],
      ['24:00-06:00', 'window.from'],
      ['22:00-6', 'window.to'],
      ['08:00-08:00', 'window'],
    ] as const) {
      let error: unknown;
      try {
        parseRandomWindow(text);
      } catch (e) {
        error = e;
      }
      expect(isDubanError(error, 'INPUT_INVALID'), text).toBe(true);
      expect((error as { place: { path: string } }).place.path).toBe(path);
    }
  });
});
