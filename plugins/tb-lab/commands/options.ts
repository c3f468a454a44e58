import type { PureCommandContext } from '../../../core/plugin/index.js';
import { parseGrade, type SmearGrade } from '../lib/grades.js';
import type { QualityMark } from '../lib/smearQuality.js';
import { localizeError, tbError } from '../lib/tbError.js';

/** The options commander hands a plugin command. */
export type CommandOptions = Record<string, string | boolean | undefined>;

/**
 * Runs a command's body and says its errors in the user's language: every bad argument
 * is a `USAGE` or `INPUT_INVALID` DubanError naming the argument.
 */
export async function localized<T>(ctx: Pick<PureCommandContext, 'lang'>, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw localizeError(error, ctx.lang);
  }
}

/** A required option's text. @throws DubanError `USAGE` naming the flag when it is missing. */
export function required(options: CommandOptions, key: string, flag: string): string {
  const value = options[key];
  if (typeof value !== 'string' || value.trim() === '') throw tbError('USAGE', 'err.missingOption', { flag }, { argument: flag });
  return value.trim();
}

/** An optional option's text. */
export function optional(options: CommandOptions, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A whole number ≥ `min`. @throws DubanError `USAGE` naming the flag. */
export function wholeNumber(text: string, flag: string, min: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) throw tbError('USAGE', 'err.notInteger', { flag, value: text, min }, { argument: flag });
  return value;
}

/**
 * A proportion written as `0.05` or `5%`. `open` excludes 0 and 1 (a positivity rate,
 * a sensitivity, a confidence); otherwise both ends are allowed (an error proportion).
 * @throws DubanError `USAGE` naming the flag.
 */
export function proportion(text: string, flag: string, open: boolean): number {
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1) : text;
  const value = /^\d*\.?\d+(e-?\d+)?$/i.test(body) ? Number(body) / (percent ? 100 : 1) : Number.NaN;
  const inside = open ? value > 0 && value < 1 : value >= 0 && value <= 1;
  if (!inside) throw tbError('USAGE', 'err.notProportion', { flag, value: text }, { argument: flag });
  return value;
}

/** A smear grade. @throws DubanError `USAGE` naming the flag. */
export function grade(text: string, flag: string): SmearGrade {
  const value = parseGrade(text);
  if (!value) throw tbError('USAGE', 'err.notGrade', { flag, value: text }, { argument: flag });
  return value;
}

/** A smear-quality mark, `good` or `poor`. @throws DubanError `USAGE` naming the flag. */
export function mark(text: string, flag: string): QualityMark {
  const value = text.trim().toLowerCase();
  if (value !== 'good' && value !== 'poor') throw tbError('USAGE', 'err.notMark', { flag, value: text }, { argument: flag });
  return value;
}

/** A number for people: at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 4): string {
  return Number(value.toFixed(digits)).toString();
}

/** A share as a percentage with one decimal, or a dash for none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
