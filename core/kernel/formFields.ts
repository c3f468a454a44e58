import * as z from '../util/zod.js';
import type { Localized } from '../i18n/Localized.js';

/** The kinds of form field a task type or a chain input may declare. */
export const FIELD_TYPES = ['string', 'text', 'number', 'integer', 'boolean', 'date', 'datetime', 'enum', 'person', 'department', 'post', 'list'] as const;

/** Field types whose values name an entry of the org; checked against it once an org is imported. */
export const ORG_FIELD_TYPES = ['person', 'department', 'post'] as const;

/** A field of a form: declarative, so the CLI, the TUI and the engine read the same thing. */
export interface FieldSpec {
  readonly type: (typeof FIELD_TYPES)[number];
  readonly label: Localized;
  readonly required?: boolean;
  /** For `enum`: the allowed values, each with a label. */
  readonly options?: readonly { readonly value: string; readonly label: Localized }[];
  readonly min?: number;
  readonly max?: number;
  /** For `list` of records: the fields of each item. */
  readonly items?: Readonly<Record<string, FieldSpec>>;
  /** For `list` of single values: the field each item is. */
  readonly of?: FieldSpec;
  /** For `date` and `datetime`: a due date, which may not lie before today (`DUE_IN_PAST`). */
  readonly future?: boolean;
}

/** A form: named fields, in display order. */
export type FormSpec = Readonly<Record<string, FieldSpec>>;

export const localizedSchema = z.strictObject({ 'zh-CN': z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });

export const fieldSpecSchema: z.ZodMiniType<FieldSpec> = z.lazy(() =>
  z.strictObject({
    type: z.enum(FIELD_TYPES),
    label: localizedSchema,
    required: z.optional(z.boolean()),
    options: z.optional(z.array(z.strictObject({ value: z.string(), label: localizedSchema })).check(z.minLength(1))),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    items: z.optional(z.record(z.string(), fieldSpecSchema)),
    of: z.optional(fieldSpecSchema),
    future: z.optional(z.boolean()),
  }),
);

export const formSpecSchema = z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/)), fieldSpecSchema);

/** A problem with one field of submitted data. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
  /** The stable code of a problem with its own (`DUE_IN_PAST`, `UNKNOWN_PERSON`, ...); else the form's. */
  readonly code?: 'DUE_IN_PAST' | 'UNKNOWN_PERSON' | 'UNKNOWN_DEPARTMENT' | 'UNKNOWN_POST';
}

/** What a check of due dates compares with: today's date in the configured zone, and now. */
export interface FormClock {
  readonly today: string;
  readonly now: Date;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ZONED_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/** A calendar day `YYYY-MM-DD` that exists (not 2030-02-31, not 2026/12/10). */
export function isCalendarDate(value: unknown): value is string {
  const parts = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  // The proleptic Gregorian calendar's own answer: a day that does not exist rolls over.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 instant with a date, a time and a zone offset (`Z` or `+08:00`). */
export function isZonedDateTime(value: unknown): value is string {
  const parts = typeof value === 'string' ? ZONED_DATE_TIME.exec(value) : null;
  if (!parts || !isCalendarDate(parts[1])) return false;
  const within = (text: string | undefined, max: number) => text === undefined || Number(text) <= max;
  // 24:00 is ISO 8601's end of a day; an offset is at most ±23:59.
  const endOfDay = parts[2] === '24' && Number(parts[3]) === 0 && Number(parts[4] ?? 0) === 0;
  return (endOfDay || within(parts[2], 23)) && within(parts[3], 59) && within(parts[4], 59) && within(parts[5], 23) && within(parts[6], 59);
}

/**
 * Checks submitted data against a form. Returns every problem (empty when valid), each
 * naming its field path (`records.3.status`), so a form can show them all at once.
 * Fields not in the form are refused: a typo must not be stored silently.
 */
export function validateForm(form: FormSpec, data: unknown, prefix = '', clock?: FormClock): FieldProblem[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [{ path: prefix || '(data)', message: 'expected an object' }];
  }
  const record = data as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(record)) {
    if (!(key in form)) problems.push({ path: prefix + key, message: 'unknown field' });
  }
  for (const [key, field] of Object.entries(form)) {
    const value = record[key];
    const path = prefix + key;
    if (value === undefined || value === null || value === '') {
      if (field.required) problems.push({ path, message: 'required' });
      continue;
    }
    const problem = checkValue(field, value, path, clock);
    if (typeof problem === 'string') problems.push({ path, message: problem });
    else problems.push(...problem);
  }
  return problems;
}

function checkValue(field: FieldSpec, value: unknown, path: string, clock: FormClock | undefined): string | FieldProblem[] {
  switch (field.type) {
    case 'string':
    case 'text':
    case 'person':
    case 'department':
    case 'post':
      if (typeof value !== 'string') return 'expected text';
      return range(field, value.length, 'characters');
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (field.type === 'integer' && !Number.isInteger(value)) return 'expected a whole number';
      return range(field, value, '');
    case 'boolean':
      return typeof value === 'boolean' ? [] : 'expected true or false';
    case 'date':
      // Stable wording: the console translates these messages by their text.
      if (!isCalendarDate(value)) return 'expected a date YYYY-MM-DD';
      return field.future && clock && value < clock.today ? [{ path, message: `${value} is before today (${clock.today})`, code: 'DUE_IN_PAST' }] : [];
    case 'datetime':
      if (!isZonedDateTime(value)) return 'expected an ISO 8601 date-time';
      return field.future && clock && Date.parse(value) < clock.now.getTime() ? [{ path, message: `${value} is in the past`, code: 'DUE_IN_PAST' }] : [];
    case 'enum': {
      const allowed = (field.options ?? []).map((o) => o.value);
      return allowed.includes(value as string) ? [] : `expected one of ${allowed.join(', ')}`;
    }
    case 'list': {
      if (!Array.isArray(value)) return 'expected a list';
      const count = range(field, value.length, 'items');
      if (typeof count === 'string') return count;
      const { of } = field;
      if (of) {
        return value.flatMap((item, i) => {
          const problem = checkValue(of, item, `${path}.${i}`, clock);
          return typeof problem === 'string' ? [{ path: `${path}.${i}`, message: problem }] : problem;
        });
      }
      const items = field.items ?? {};
      return value.flatMap((item, i) => validateForm(items, item, `${path}.${i}.`, clock));
    }
  }
}

function range(field: FieldSpec, n: number, unit: string): string | FieldProblem[] {
  const suffix = unit ? ` ${unit}` : '';
  if (field.min !== undefined && n < field.min) return `must be at least ${field.min}${suffix}`;
  if (field.max !== undefined && n > field.max) return `must be at most ${field.max}${suffix}`;
  return [];
}
