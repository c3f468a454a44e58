import { describe, expect, it } from 'vitest';
import { isCalendarDate, isZonedDateTime } from '../../core/kernel/formFields.js';

// A form's date and date-time fields: a value that names no real day or time is refused.
describe('date fields', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['0001-01-01', true],
    ['2026-1-01', false],
    ['2026/12/10', false],
  ])('day %s: %s', (value, valid) => expect(isCalendarDate(value)).toBe(valid));

  it.each([
    ['2026-12-03T10:00Z', true],
    ['2026-12-03T23:59:59.999+08:00', true],
    ['2026-12-03T10:00:00.123456789-05:00', true],
    ['2026-12-03T10:00+0800', true],
    ['2026-12-03T24:00Z', true],
    ['2026-12-03T24:01Z', false],
    ['2026-12-03T10:60Z', false],
    ['2026-12-03T10:00:60Z', false],
    ['2026-02-30T10:00Z', false],
    ['2026-12-03T10:00+24:00', false],
    ['2026-12-03T10:00', false],
    ['2026-12-03', false],
  ])('date-time %s: %s', (value, valid) => expect(isZonedDateTime(value)).toBe(valid));
});
