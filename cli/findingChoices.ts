import type { Language, Localized } from '../core/i18n/Localized.js';
import { findingChain } from '../core/kernel/findingChain.js';

type Options = readonly { readonly value: string; readonly label: Localized }[];
const input = findingChain.input;
const open = findingChain.states.open.on;
/** The finding chain's own labels for its choices and steps: one source for its forms, `findings show` and `findings list`. */
export const FINDING_CHOICES = {
  severity: labelsOf(input.severity.options),
  subjectKind: labelsOf(input.subjectKind.options),
  kind: labelsOf(open.PLAN[0].form.kind.options),
  rootCause: labelsOf(open.ROOT_CAUSE.form.category.options),
  status: Object.fromEntries(Object.entries(findingChain.states).map(([id, s]) => [id, s.title as Localized])),
};

function labelsOf(options: Options): Readonly<Record<string, Localized>> {
  return Object.fromEntries(options.map((o) => [o.value, o.label]));
}

/** A choice's label in `lang` (`action_planned` is 整改中 / Action planned), the value itself when it has none. */
export function findingChoice(labels: Readonly<Record<string, Localized>>, value: string, lang: Language): string {
  return labels[value]?.[lang] ?? value;
}
