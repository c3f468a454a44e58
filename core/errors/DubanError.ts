import type { ErrorCode } from './errorCodes.js';

/** Where bad input was found: a file and line, a field path, or a CLI argument. */
export interface ErrorPlace {
  readonly file?: string;
  readonly line?: number;
  readonly path?: string;
  readonly argument?: string;
}

/** Options accepted by {@link DubanError}. */
export interface DubanErrorOptions {
  readonly place?: ErrorPlace;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * The one error class of duban. Every failure a user can meet carries a stable `code`
 * (see {@link ErrorCode}), a message that says what to do, and where possible the place
 * of the bad input. Callers branch on `code`, never on the message.
 *
 * @example
 * throw new DubanError('CHAIN_INVALID', 'states.open.sla.after: not an ISO 8601 duration',
 *   { place: { file: 'workflows/x.yaml', line: 12, path: 'states.open.sla.after' } });
 */
export class DubanError extends Error {
  readonly code: ErrorCode;
  readonly place?: ErrorPlace;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: DubanErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DubanError';
    this.code = code;
    this.place = options.place;
    this.details = options.details;
  }

  /** `file:line (path)` or `--arg`, for humans; empty when the error has no place. */
  get where(): string {
    return formatPlace(this.place);
  }
}

/** Formats an {@link ErrorPlace} as `file:line at path`. */
export function formatPlace(place: ErrorPlace | undefined): string {
  if (!place) return '';
  const parts: string[] = [];
  if (place.file) parts.push(place.line ? `${place.file}:${place.line}` : place.file);
  if (place.path) parts.push(place.file ? `at ${place.path}` : place.path);
  if (place.argument) parts.push(place.argument);
  return parts.join(' ');
}

/** True when `error` is a {@link DubanError}, optionally with the given code. */
export function isDubanError(error: unknown, code?: ErrorCode): error is DubanError {
  return error instanceof DubanError && (code === undefined || error.code === code);
}

/** The first error with `code` in the chain of causes, starting at `error` itself. */
export function findCause(error: unknown, code: ErrorCode): DubanError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    if (isDubanError(e, code)) return e;
  }
  return undefined;
}
