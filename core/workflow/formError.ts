import { DateTime } from 'luxon';
import { DubanError } from '../errors/DubanError.js';
import type { FieldProblem, FormClock } from '../kernel/formFields.js';

/**
 * The error for a form with problems: every problem listed at once (in the message and in
 * `details.problems`), the place of the first, and the first problem's own code when it
 * has one (`UNKNOWN_DEPARTMENT`, `DUE_IN_PAST`), else `kind`.
 *
 * @param root the name of the data in paths: `input` for a chain's input, `data` for an event's.
 */
export function formError(kind: 'INPUT_INVALID' | 'FORM_INVALID', root: string, problems: readonly FieldProblem[], details: Record<string, unknown> = {}): DubanError {
  const first = problems[0]!;
  const listed = problems.map((p) => `${root}.${p.path}: ${p.message}`).join('; ');
  return new DubanError(first.code ?? kind, problems.length > 1 ? `${problems.length} problems: ${listed}` : listed, {
    place: { path: `${root}.${first.path}` },
    details: { ...details, problems },
  });
}

/** Today (in `timeZone`) and now, for the due-date checks of forms. */
export function formClock(now: Date, timeZone: string): FormClock {
  return { today: DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!, now };
}
