import { isDubanError } from '../core/errors/DubanError.js';
import type { Logger } from '../core/runtime/Logger.js';

/** The shortest and longest wait after a failed `serve` pass. */
export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;
/** A failure that goes on unchanged is logged again at most this often. */
export const REPEAT_LOG_MS = 10 * 60_000;

/**
 * What `serve` says about failing passes: one log record when a failure starts or changes
 * (its code, or its message when it has none), one when it ends, and in between at most
 * one reminder every {@link REPEAT_LOG_MS}; and how long to wait before the next try,
 * doubling from {@link BACKOFF_MIN_MS} to {@link BACKOFF_MAX_MS}. A read-only or
 * failing disk is then one coded record and a slowing retry, not a record per pass.
 */
export class PassFailures {
  #kind: string | undefined;
  #count = 0;
  #loggedAt = 0;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a failed pass; returns the milliseconds to wait before the next. */
  failed(error: unknown): number {
    const code = isDubanError(error) ? error.code : 'INTERNAL';
    const message = (error as Error)?.message ?? String(error);
    const kind = isDubanError(error) ? code : message;
    this.#count = kind === this.#kind ? this.#count + 1 : 1;
    const wait = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(this.#count - 1, 16));
    if (kind !== this.#kind || this.now() - this.#loggedAt >= REPEAT_LOG_MS) {
      this.logger.error(
        { code: 'SERVE_PASS_FAILED', errorCode: code, failedPasses: this.#count, retryInMs: wait },
        `${code}: ${message}; ${this.#count} failed pass(es) in a row, next try in ${Math.round(wait / 1000)} s (at most every ${BACKOFF_MAX_MS / 1000} s)`,
      );
      this.#loggedAt = this.now();
    }
    this.#kind = kind;
    return wait;
  }

  /** Records a pass that worked: says so once when it ends a run of failures. */
  succeeded(): void {
    if (this.#kind === undefined) return;
    this.logger.info({ code: 'SERVE_RECOVERED', failedPasses: this.#count }, `passes succeed again after ${this.#count} failed`);
    this.#kind = undefined;
    this.#count = 0;
  }
}
