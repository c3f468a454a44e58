import { describe, expect, it } from 'vitest';
import { dueInstant } from '../../../cli/tui/model/dueInstant.js';

describe('a due date typed at the console', () => {
  it('is a day until it ends in the hospital’s zone, or a local time of a day', () => {
    expect(dueInstant('2026-04-30', 'Asia/Shanghai')).toBe('2026-04-30T15:59:59.999Z');
    expect(dueInstant(' 2026-04-30 17:00 ', 'Asia/Shanghai')).toBe('2026-04-30T17:00:00+08:00');
  });

  it('is passed on as typed when it is neither, for the core’s form check to name', () => {
    expect(dueInstant('2026-02-30', 'Asia/Shanghai')).toBe('2026-02-30');
    expect(dueInstant('next friday', 'Asia/Shanghai')).toBe('next friday');
  });
});
