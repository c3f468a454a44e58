import type { Language, Localized } from '../../../core/i18n/Localized.js';
import { findingChain } from '../../../core/kernel/findingChain.js';
import type { InputStage } from './findingPermissions.js';

/** A choice of a stage, as the finding chain's own form labels it. */
export interface StageChoice {
  readonly value: string;
  readonly label: Localized;
}

/** The chain event and form field each choice stage answers. */
const STAGE_FIELDS: Readonly<Partial<Record<InputStage, readonly [event: string, field: string]>>> = {
  kind: ['PLAN', 'kind'],
  category: ['ROOT_CAUSE', 'category'],
};

type FormField = { readonly label?: Localized; readonly options?: readonly StageChoice[] };

/** The form field an event of the finding chain declares, from whichever step accepts it. */
function eventField(event: string, field: string): FormField | undefined {
  const states = findingChain.states as unknown as Readonly<Record<string, { on?: Readonly<Record<string, unknown>> }>>;
  for (const state of Object.values(states)) {
    for (const transition of [state.on?.[event]].flat()) {
      const form = (transition as { form?: Readonly<Record<string, FormField>> } | undefined)?.form;
      if (form?.[field]) return form[field];
    }
  }
  return undefined;
}

/**
 * A choice stage's label and choices, read from the finding chain's form (one source of
 * the words, shared with the CLI and the engine's validation); undefined for free text.
 */
export function stageChoices(stage: InputStage): { label: Localized; choices: readonly StageChoice[] } | undefined {
  const at = STAGE_FIELDS[stage];
  const field = at && eventField(...at);
  return field?.options && field.label ? { label: field.label, choices: field.options } : undefined;
}

/**
 * What a typed answer means for a stage: for a choice, the value whose id or label (in
 * either language) it is, or undefined when it is none of them; free text as typed.
 */
export function choiceValue(stage: InputStage, text: string): string | undefined {
  const spec = stageChoices(stage);
  if (!spec) return text;
  const typed = text.trim().toLowerCase();
  return spec.choices.find((c) => [c.value, c.label.en, c.label['zh-CN']].some((name) => name.toLowerCase() === typed))?.value;
}

/** A choice's label in `lang` (a root cause's category, an action's kind), or the value itself when the chain names no such choice. */
export function choiceLabel(stage: InputStage, value: string, lang: Language): string {
  return stageChoices(stage)?.choices.find((c) => c.value === value)?.label[lang] ?? value;
}
