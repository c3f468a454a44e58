import type { ChainContext, ChainEvent } from '../kernel/ChainTypes.js';
import type { CompiledChain } from '../kernel/compileChain.js';
import { validateForm, type FieldProblem, type FormSpec } from '../kernel/formFields.js';
import { checkFormReferences } from '../org/checkFormReferences.js';
import type { Db } from '../store/Store.js';
import { formClock } from '../workflow/formError.js';
import type { TaskTypes } from './TaskTypes.js';

/**
 * What is wrong with `data` against `form`: its fields (dates read on the clock of
 * `timeZone` at `at`), then the people and departments it names, as the org has them.
 */
export async function formProblems(db: Db, form: FormSpec, data: Record<string, unknown>, at: Date, timeZone: string): Promise<FieldProblem[]> {
  return [...validateForm(form, data, '', formClock(at, timeZone)), ...(await checkFormReferences(db, form, data))];
}

/**
 * What is wrong with an event's data against the task of the step it is sent in, when it
 * is that task's submit event: the task type's form, then the task type's own checks.
 * Undefined when the step has no task or the event does not submit it.
 */
export async function taskFormProblems(
  db: Db,
  taskTypes: TaskTypes,
  timeZone: string,
  chain: CompiledChain,
  state: string,
  event: ChainEvent,
  context: ChainContext,
  at: Date,
): Promise<{ task: string; problems: FieldProblem[] } | undefined> {
  const task = chain.spec.states[state]?.task;
  if (!task) return undefined;
  const form = taskTypes.form(task);
  if (!form || form.submitEvent !== event.type) return undefined;
  const data = event.data ?? {};
  const problems = [
    ...(form.form ? await formProblems(db, form.form, data, at, timeZone) : []),
    ...taskTypes.validate(task, data, { input: context.input, data: context.data }),
  ];
  return { task, problems };
}
