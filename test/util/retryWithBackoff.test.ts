import { describe, expect, it } from 'vitest';
import { retryWithBackoff } from '../../core/util/retryWithBackoff.js';

// Fails `failures` times with `error`, then returns the attempt count.
const flaky = (failures: number, error: Error) => {
  let attempts = 0;
  return { attempts: () => attempts, run: async () => (++attempts <= failures ? Promise.reject(error) : attempts) };
};
const conflict = new Error('conflict');
const always = () => true;

describe('retryWithBackoff', () => {
  it('retries a retryable failure until the attempt succeeds, far beyond any fixed count', async () => {
    const step = flaky(40, conflict);
    expect(await retryWithBackoff(step.run, always, { deadlineMs: 60_000, baseMs: 0 })).toBe(41);
  });

  it('throws a failure that may not be retried at once', async () => {
    const step = flaky(1, new Error('refused'));
    await expect(retryWithBackoff(step.run, (e) => e === conflict, { deadlineMs: 60_000 })).rejects.toThrow('refused');
    expect(step.attempts()).toBe(1);
  });

  it('throws the last failure once the deadline has passed', async () => {
    const step = flaky(Infinity, conflict);
    await expect(retryWithBackoff(step.run, always, { deadlineMs: 0 })).rejects.toBe(conflict);
    expect(step.attempts()).toBe(1);
  });

});
