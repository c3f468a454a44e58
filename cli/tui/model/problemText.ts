import type { Translate } from '../i18n/tuiText.js';

const FIXED: Readonly<Record<string, string>> = {
  required: 'problem.required',
  'expected a number': 'problem.expectedNumber',
  'expected a whole number': 'problem.expectedWhole',
  'expected true or false': 'problem.expectedBoolean',
  'expected a date YYYY-MM-DD': 'problem.expectedDate',
  'expected an ISO 8601 date-time': 'problem.expectedDateTime',
  'unknown field': 'problem.unknownField',
};

/**
 * A form problem from core's `validateForm` (English, stable wording) in the console's
 * language. Messages it does not know (a plugin's own rules) are shown as they are.
 */
export function problemText(message: string, t: Translate): string {
  const fixed = FIXED[message];
  if (fixed) return t(fixed);
  const oneOf = /^expected one of (.*)$/.exec(message);
  if (oneOf) return t('problem.expectedOneOf', { values: oneOf[1] });
  const least = /^must be at least (.*)$/.exec(message);
  if (least) return t('problem.atLeast', { n: least[1] });
  const most = /^must be at most (.*)$/.exec(message);
  if (most) return t('problem.atMost', { n: most[1] });
  return message;
}
