import { DubanError } from '../core/errors/DubanError.js';
import { formatTable } from '../core/text/formatTable.js';

/** Prints a value as JSON on stdout (stable English keys, ISO dates). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints a line on stdout. */
export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/**
 * Prints rows as aligned columns. Widths are display widths, so Chinese text (two
 * columns a character) lines up with Latin text.
 */
export function printTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): void {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  for (const line of formatTable(headers, cells)) printLine(line);
}

/** Parses a JSON option value, as a usage error naming the option when it is not JSON. */
export function parseJsonOption(text: string | undefined, option: string): Record<string, unknown> {
  if (text === undefined) return {};
  if (Buffer.byteLength(text) > JSON_MAX_BYTES) {
    throw new DubanError('INPUT_INVALID', `${option}: ${Buffer.byteLength(text)} bytes of JSON; at most ${JSON_MAX_BYTES} are taken`, { place: { argument: option } });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usage(`${option}: not valid JSON: ${(error as Error).message}`, option);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw usage(`${option}: expected a JSON object`, option);
  const depth = jsonDepth(value);
  if (depth > JSON_MAX_DEPTH) {
    throw new DubanError('INPUT_INVALID', `${option}: JSON nested ${depth} levels deep; at most ${JSON_MAX_DEPTH} are taken`, { place: { argument: option } });
  }
  return value as Record<string, unknown>;
}

/** The most bytes of JSON an option takes: forms and chain inputs are far smaller. */
export const JSON_MAX_BYTES = 1_000_000;
/** The deepest nesting an option's JSON may have: every later step (validation, hashing, storing) recurses. */
export const JSON_MAX_DEPTH = 32;

// Iterative, so a value nested too deep for recursion is measured, not a stack overflow.
function jsonDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) max = depth;
    if (max > JSON_MAX_DEPTH) return max;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * Parses a whole-number option of at least `min` (1 unless said: counts, limits, versions
 * and revisions start at 1), and no more than JavaScript counts exactly.
 */
export function parseIntOption(text: string | undefined, option: string, min = 1): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw usage(`${option}: "${text}" is not a whole number`, option);
  const value = Number(text);
  if (value < min || !Number.isSafeInteger(value)) throw usage(`${option}: ${text} is out of range: a whole number from ${min} is taken`, option);
  return value;
}

function usage(message: string, argument: string): DubanError {
  return new DubanError('USAGE', message, { place: { argument } });
}
