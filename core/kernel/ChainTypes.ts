import type { FormSpec } from './formFields.js';

/** The context every chain instance carries: its input, the data its steps recorded, SLA breaches. */
export interface ChainContext {
  readonly input: Record<string, unknown>;
  readonly data: Record<string, unknown>;
  readonly breaches: readonly { readonly state: string; readonly at: string }[];
}

/**
 * An event as a machine sees it. The instant and the actor travel inside the event:
 * machines never read a clock.
 */
export interface ChainEvent {
  readonly type: string;
  readonly data?: Record<string, unknown>;
  readonly actor?: string;
  readonly at?: string;
}

/** What the compiler needs to know of a task type named by a chain. */
export interface TaskTypeInfo {
  readonly name: string;
  readonly form?: FormSpec;
  /** The event whose data is the task's form. Default `SUBMIT`. */
  readonly submitEvent?: string;
  /** True when entering a step of this task type runs the plugin's activity. */
  readonly hasActivity: boolean;
}

/** Finds a task type by name; `undefined` when no loaded plugin provides it. */
export type TaskTypeLookup = (name: string) => TaskTypeInfo | undefined;

/** The event a plugin activity's result arrives as. */
export const ACTIVITY_DONE_EVENT = 'task.done';

/** The event name of a step's timer (`timer.<step>.<name>`; the SLA timer is named `sla`). */
export function timerEventName(state: string, timer: string): string {
  return `timer.${state}.${timer}`;
}
