import { endOfDay } from '../../../core/findings/endOfDay.js';
import type { FieldSpec } from '../../../core/kernel/formFields.js';
import { parseFieldInput } from './formDraft.js';

const DATE_TIME: FieldSpec = { type: 'datetime', label: { 'zh-CN': '期限', en: 'Due' } };

/**
 * The instant a typed due date means in the hospital's zone: a day (`2026-03-20`) is due
 * until that day ends, as an action's due date is; a day and a time (`2026-03-20 17:00`)
 * at that local time. Anything else is passed on as typed, for the core's form check to
 * name. Pure.
 */
export function dueInstant(text: string, timeZone: string): string {
  const raw = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const end = endOfDay(raw, timeZone);
    return end ?? raw;
  }
  const parsed = parseFieldInput(DATE_TIME, raw, timeZone);
  return typeof parsed === 'string' ? parsed : raw;
}
