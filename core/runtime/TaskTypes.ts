import type { FieldProblem, FormSpec } from '../kernel/formFields.js';
import type { TaskTypeLookup } from '../kernel/ChainTypes.js';
import type { TaskInstanceScope } from '../plugin/PluginDefinition.js';

/** What the engine asks of the loaded task types (the plugin registry answers). */
export interface TaskTypes {
  readonly lookup: TaskTypeLookup;
  /** The plugin that provides a task type. */
  owner(task: string): string | undefined;
  /** The form of a task type and its submit event. */
  form(task: string): { form?: FormSpec; submitEvent: string } | undefined;
  /**
   * Runs the task type's extra validation (wrapped: a throwing plugin is a problem, not a
   * crash). `instance` is the instance's input and data, for checks against them.
   */
  validate(task: string, data: Record<string, unknown>, instance?: TaskInstanceScope): FieldProblem[];
}
