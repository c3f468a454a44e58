import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link retryWithBackoff}. */
export interface BackoffOptions {
  /** How long, in ms from the first attempt, retries may go on; the last error is thrown after it. */
  readonly deadlineMs: number;
  /** The ceiling of the first wait; doubled each retry. Default 2 ms. */
  readonly baseMs?: number;
  /** The largest ceiling a wait may have. Default 50 ms. */
  readonly capMs?: number;
  /** A number in [0, 1); default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Runs `attempt` until it succeeds, `retryable` says no, or the deadline has passed.
 * Waits between tries are "full jitter" (uniform in 0..min(cap, base·2^n)): writers that
 * lost the same race spread out instead of colliding again in step, and a hot row is
 * retried for as long as the deadline allows rather than a fixed number of times (a
 * count runs out sooner the more writers there are).
 *
 * The deadline is measured on the monotonic clock, not the engine's `Clock`: it bounds
 * real waiting, and a test's manual clock never moves by itself.
 *
 * @throws whatever the last attempt threw, when it may not or can no longer be retried.
 */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, retryable: (error: unknown) => boolean, options: BackoffOptions): Promise<T> {
  const { deadlineMs, baseMs = 2, capMs = 50, random = Math.random } = options;
  const deadline = performance.now() + deadlineMs;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const left = deadline - performance.now();
      if (!retryable(error) || left <= 0) throw error;
      await sleep(Math.min(left, random() * Math.min(capMs, baseMs * 2 ** n)));
    }
  }
}
