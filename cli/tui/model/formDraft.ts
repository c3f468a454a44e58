import { DateTime } from 'luxon';
import type { Language, Localized } from '../../../core/i18n/Localized.js';
import { DEFAULT_SETTINGS } from '../../../core/runtime/Settings.js';
import type { FieldSpec, FormSpec } from '../../../core/kernel/formFields.js';
import { BOOLEAN_WORDS } from '../filter/filterVocabulary.js';

/** The values of a form being filled, shaped like the data it submits. */
export type FormDraft = Readonly<Record<string, unknown>>;

/** One line of a form on screen, addressed by its data path (`statements.0.person`). */
export interface FormRow {
  readonly path: string;
  /** `field` a value; `list` a list's heading; `item` a record item's heading; `add` the "+ add" line of a list. */
  readonly kind: 'field' | 'list' | 'item' | 'add';
  readonly field: FieldSpec;
  readonly depth: number;
  readonly label: Localized;
  /** For `item` rows: the item's position, from 1. */
  readonly index?: number;
}

/**
 * The rows of a form for its current draft, in the form's declared order: each field,
 * each list with its items (a record item's fields under it) and a line to add one more.
 * Pure; the form is the task type's declarative form, so any plugin's form renders.
 */
export function formRows(form: FormSpec, draft: FormDraft, prefix = '', depth = 0): FormRow[] {
  const rows: FormRow[] = [];
  for (const [key, field] of Object.entries(form)) {
    const path = prefix + key;
    if (field.type !== 'list') {
      rows.push({ path, kind: 'field', field, depth, label: field.label });
      continue;
    }
    rows.push({ path, kind: 'list', field, depth, label: field.label });
    const items = Array.isArray(draft[key]) ? (draft[key] as unknown[]) : [];
    items.forEach((item, i) => {
      if (field.items) {
        rows.push({ path: `${path}.${i}`, kind: 'item', field, depth: depth + 1, label: field.label, index: i + 1 });
        const record = item && typeof item === 'object' ? (item as FormDraft) : {};
        rows.push(...formRows(field.items, record, `${path}.${i}.`, depth + 2));
      } else if (field.of) {
        rows.push({ path: `${path}.${i}`, kind: 'field', field: field.of, depth: depth + 1, label: field.of.label, index: i + 1 });
      }
    });
    rows.push({ path, kind: 'add', field, depth: depth + 1, label: field.label });
  }
  return rows;
}

/** The value at a data path, or undefined. */
export function valueAt(draft: FormDraft, path: string): unknown {
  let at: unknown = draft;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** A copy of the draft with the value at `path` replaced (undefined removes it). */
export function withValue(draft: FormDraft, path: string, value: unknown): FormDraft {
  return setIn(draft, path.split('.'), value) as FormDraft;
}

function setIn(container: unknown, parts: readonly string[], value: unknown): unknown {
  const [head, ...rest] = parts;
  const isIndex = /^\d+$/.test(head!);
  const base: Record<string, unknown> | unknown[] = Array.isArray(container)
    ? [...container]
    : container && typeof container === 'object'
      ? { ...(container as Record<string, unknown>) }
      : isIndex
        ? []
        : {};
  const key = isIndex && Array.isArray(base) ? Number(head) : head!;
  const next = rest.length === 0 ? value : setIn((base as Record<string | number, unknown>)[key], rest, value);
  if (next === undefined && !Array.isArray(base)) delete (base as Record<string, unknown>)[head!];
  else (base as Record<string | number, unknown>)[key] = next;
  return base;
}

/** Appends an empty item to the list at `path` (a record for lists of records). */
export function withItemAdded(draft: FormDraft, path: string, field: FieldSpec): FormDraft {
  const items = Array.isArray(valueAt(draft, path)) ? (valueAt(draft, path) as unknown[]) : [];
  return withValue(draft, path, [...items, field.items ? {} : undefined]);
}

/** Removes the list item at `path` (`list.3`); other paths leave the draft as it is. */
export function withItemRemoved(draft: FormDraft, itemPath: string): FormDraft {
  const cut = itemPath.lastIndexOf('.');
  const index = Number(itemPath.slice(cut + 1));
  if (cut < 0 || !Number.isInteger(index)) return draft;
  const listPath = itemPath.slice(0, cut);
  const items = valueAt(draft, listPath);
  if (!Array.isArray(items)) return draft;
  return withValue(draft, listPath, items.filter((_, i) => i !== index));
}

/**
 * Turns what was typed into a field's value: numbers for number fields (text that is
 * not a number is kept, so validation can say so), yes/no words (English or Chinese)
 * for booleans, an option's value or label for enums, `YYYY-MM-DD HH:mm` as an ISO
 * date-time; empty text is no value.
 */
export function parseFieldInput(field: FieldSpec, text: string, timeZone: string = DEFAULT_SETTINGS.timeZone): unknown {
  const raw = text.trim();
  if (raw === '') return undefined;
  switch (field.type) {
    case 'number':
    case 'integer':
      return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    case 'boolean': {
      const yes = BOOLEAN_WORDS[raw.toLowerCase()];
      return yes ?? raw;
    }
    case 'enum': {
      const option = field.options?.find((o) => o.value === raw || o.label['zh-CN'] === raw || o.label.en.toLowerCase() === raw.toLowerCase());
      return option ? option.value : raw;
    }
    case 'datetime':
      // People type local time; the form stores the instant with the zone's offset.
      if (!/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(raw)) return raw;
      {
        const local = DateTime.fromISO(raw.replace(' ', 'T'), { zone: timeZone });
        return local.isValid ? local.toISO({ suppressMilliseconds: true }) : raw;
      }
    default:
      return text;
  }
}

/** A field's value as shown on screen (and as the editor starts from). */
export function fieldText(field: FieldSpec, value: unknown, lang: Language, words: { yes: string; no: string }): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.type === 'boolean' && typeof value === 'boolean') return value ? words.yes : words.no;
  if (field.type === 'enum') {
    const option = field.options?.find((o) => o.value === value);
    if (option) return option.label[lang];
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The next (or previous) value of a field that has a fixed set of values: an enum's
 * options in order, then no value; a boolean's yes, no, no value. Other fields are
 * returned as they are.
 */
export function cycleValue(field: FieldSpec, value: unknown, step: 1 | -1): unknown {
  const values: unknown[] =
    field.type === 'boolean' ? [true, false, undefined] : field.type === 'enum' ? [...(field.options ?? []).map((o) => o.value), undefined] : [];
  if (values.length === 0) return value;
  const at = values.indexOf(value);
  const next = at < 0 ? (step === 1 ? 0 : values.length - 1) : (at + step + values.length) % values.length;
  return values[next];
}

/** Whether a field is edited by cycling its values instead of typing. */
export function isCycled(field: FieldSpec): boolean {
  return field.type === 'boolean' || field.type === 'enum';
}

/** The data to submit: the draft without empty values and empty list items. */
export function submittable(draft: FormDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    const clean = prune(value);
    if (clean !== undefined) out[key] = clean;
  }
  return out;
}

function prune(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const record = submittable(value as FormDraft);
    return Object.keys(record).length > 0 ? record : undefined;
  }
  return value;
}
