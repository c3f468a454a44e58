import type { FormSpec } from '../../core/kernel/formFields.js';
import type { ChainSpec } from '../../core/kernel/chainSchema.js';
import type { TaskTypes } from '../../core/runtime/TaskTypes.js';

/** A form a person fills in a chain: the input that starts it, or the data of an event at a step. */
export interface ChainForm {
  /** `input` for the chain's input; else the step's name. */
  readonly step: string;
  /** The event the data goes with; none for the input. */
  readonly event?: string;
  readonly form: FormSpec;
}

/**
 * The forms of a chain, as the engine checks them: the input form; each step's task form
 * (sent with the task's submit event); each transition's own form (ASSIGN, PLAN...).
 * With `step`, only that step's.
 */
export function chainForms(spec: ChainSpec, tasks: Pick<TaskTypes, 'form'>, step?: string): ChainForm[] {
  const forms: ChainForm[] = [];
  if (step === undefined && spec.input) forms.push({ step: 'input', form: spec.input });
  for (const [name, state] of Object.entries(spec.states)) {
    if (step !== undefined && name !== step) continue;
    const task = state.task ? tasks.form(state.task) : undefined;
    if (task?.form) forms.push({ step: name, event: task.submitEvent, form: task.form });
    for (const [event, t] of Object.entries(state.on ?? {})) {
      // Several transitions on one event share their form: the first that has one says it.
      const form = [t].flat().find((x) => x.form)?.form;
      if (form && !(task?.form && task.submitEvent === event)) forms.push({ step: name, event, form });
    }
  }
  return forms;
}
