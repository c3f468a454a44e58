import * as z from '../util/zod.js';
import { isIsoDuration } from './duration.js';
import { ACTIVITY_DONE_EVENT } from './ChainTypes.js';
import { formSpecSchema, localizedSchema } from './formFields.js';
import { GUARD_OPS, type GuardExpr } from './guards.js';
import { FIELD_PATTERN, REF_PATTERN } from './refs.js';
import { ACCESS_RULE_KEYS, hasAllowRule } from './accessRule.js';

const name = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'letters, digits, _ and - only, starting with a letter'));
const eventName = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'an event name: letters, digits, _ . and -'));
const ref = z.string().check(z.regex(REF_PATTERN, 'a reference like $event.data.x or $context.input.y'));
const duration = z.string().check(z.refine(isIsoDuration, 'an ISO 8601 duration such as PT2H or P7D'));
// A union's own message, else zod reports only "Invalid input" for a bad `after`.
const durationOrRef = z.union([duration, ref], { error: 'an ISO 8601 duration such as PT2H or P7D, or a reference like $context.input.due' });

const guardSchema: z.ZodMiniType<GuardExpr> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(guardSchema).check(z.minLength(1)) }),
    z.strictObject({ any: z.array(guardSchema).check(z.minLength(1)) }),
    z.strictObject({ not: guardSchema }),
    z.strictObject({
      field: z.string().check(z.regex(FIELD_PATTERN, 'a field path like event.data.x')),
      op: z.enum(GUARD_OPS),
      value: z.optional(z.unknown()),
    }),
  ]),
);

/** Who a step is assigned to: a role, a person, or a person named by a reference. */
const assigneeSchema = z
  .strictObject({ role: z.optional(name), person: z.optional(z.string().check(z.minLength(1))), department: z.optional(z.string().check(z.minLength(1))) })
  .check(z.refine((a) => a.role !== undefined || a.person !== undefined, 'name a role or a person'));

const when = { when: z.optional(guardSchema) };

/** Side effects. Each may carry `when`, a guard deciding whether it happens. */
const effectSchema = z.union([
  z.strictObject({
    ...when,
    notify: z.strictObject({
      to: assigneeSchema,
      message: localizedSchema,
      channels: z.optional(z.array(z.enum(['inbox', 'webhook', 'log'])).check(z.minLength(1))),
    }),
  }),
  z.strictObject({
    ...when,
    startChain: z.strictObject({
      chain: z.string().check(z.minLength(1)),
      input: z.optional(z.record(z.string(), z.unknown())),
      /**
       * Starts at most one child of this chain per key and parent (a finding's id): a
       * second start with the same key finds the first. Without a key, each run starts one.
       */
      key: z.optional(z.union([ref, z.string().check(z.minLength(1))])),
    }),
  }),
  z.strictObject({
    ...when,
    openFinding: z.strictObject({
      department: z.string().check(z.minLength(1)),
      subject: z.string().check(z.minLength(1)),
      subjectKind: z.optional(z.union([z.enum(['person', 'post', 'lab', 'department']), ref])),
      category: z.string().check(z.minLength(1)),
      severity: z.union([z.enum(['minor', 'major', 'critical']), ref]),
      title: z.optional(z.union([localizedSchema, ref])),
      escalateNow: z.optional(z.union([z.boolean(), ref])),
      data: z.optional(z.record(z.string(), z.unknown())),
    }),
  }),
  // A named handler of the host (a core module or a plugin), run through the outbox:
  // the chain names it, never embeds it.
  z.strictObject({
    ...when,
    call: z.strictObject({
      handler: z.string().check(z.regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9.-]*$/, 'a handler name like module.action')),
      with: z.optional(z.record(z.string(), z.unknown())),
    }),
  }),
]);

/**
 * Runs its effects once per item of a list that an activity returned (a finding per
 * violation): `$item.x` (and `item.x` in an inner `when`) names the current item.
 */
const forEachSchema = z.strictObject({
  ...when,
  forEach: z.strictObject({ in: ref, effects: z.array(effectSchema).check(z.minLength(1)) }),
});

/** What a transition's `effects` and a step's `entry` list: an effect, or a `forEach` of effects. */
const stepEffectSchema = z.union([effectSchema, forEachSchema]);

const refs = z.union([ref, z.array(ref).check(z.minLength(1))]);
/** The person a field of a list item names (see ItemPersonRef in accessRule.ts). */
const itemPersonRef = z.strictObject({ in: ref, match: z.record(z.string(), z.unknown()), pick: name });

/**
 * Who may send an event (see accessRule.ts): any one of `roles`, `assignee`, `actorIs`
 * or `anyone` allows; `notOf` and `notActor` then refuse, whatever allowed.
 */
const accessRuleFields = {
  roles: z.optional(z.array(name).check(z.minLength(1))),
  /** The person the step is assigned to, or whoever holds the step's assigned role. */
  assignee: z.optional(z.literal(true)),
  /** The person a context or event field names (an action's owner, say). */
  actorIs: z.optional(z.union([refs, itemPersonRef])),
  /** Any person of the org: the rule must say so, it is never the default. */
  anyone: z.optional(z.literal(true)),
  /** No person of this department (or of a department below it): a conflict of interest. */
  notOf: z.optional(z.union([ref, z.string().check(z.minLength(1))])),
  /** Not these persons (the controller who read first may not umpire). */
  notActor: z.optional(refs),
};

const transitionSchema = z.strictObject({
  target: z.optional(name),
  guard: z.optional(guardSchema),
  ...accessRuleFields,
  assign: z.optional(z.record(name, z.unknown())),
  append: z.optional(z.record(name, z.unknown())),
  /** Adds a number to a data field (missing counts as 0). */
  increment: z.optional(z.record(name, z.number())),
  /** Sets fields on the items of a data list that match every field of `match`. */
  updateItems: z.optional(z.array(z.strictObject({ list: name, match: z.record(z.string(), z.unknown()), set: z.record(z.string(), z.unknown()) }))),
  /** The event's data, validated by the engine like a task's form (persons and departments against the org, due dates not past). */
  form: z.optional(formSpecSchema),
  /** Leave and re-enter the step (re-arming its timers) even when the target is the step itself. */
  reenter: z.optional(z.boolean()),
  effects: z.optional(z.array(stepEffectSchema)),
  description: z.optional(localizedSchema),
});

const timerSchema = z
  .strictObject({ after: z.optional(durationOrRef), at: z.optional(ref), then: transitionSchema })
  .check(z.refine((t) => (t.after === undefined) !== (t.at === undefined), 'give exactly one of after or at'));

const stateSchema = z.strictObject({
  title: localizedSchema,
  type: z.optional(z.literal('final')),
  assignee: z.optional(assigneeSchema),
  task: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9.-]*$/, 'a task type name like plugin-id.task'))),
  sla: z.optional(
    z
      .strictObject({ after: z.optional(durationOrRef), at: z.optional(ref), onBreach: z.optional(transitionSchema) })
      // Both may be given: `at` (an optional deadline from the input) wins when it resolves
      // to a value, `after` is the default otherwise (intentsToRows' dueInstant does this).
      .check(z.refine((t) => t.after !== undefined || t.at !== undefined, 'give after, at, or both (at wins when it has a value)')),
  ),
  timers: z.optional(z.record(name, timerSchema)),
  entry: z.optional(z.array(stepEffectSchema)),
  on: z.optional(z.record(eventName, z.union([transitionSchema, z.array(transitionSchema).check(z.minLength(1))]))),
});

/**
 * The schema of a chain file. Cross-references (targets exist, the initial step exists,
 * final steps have no way out) are checked after parsing, with the path of each problem.
 */
export const chainSpecSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and -')),
    version: z.number().check(z.int(), z.gte(1)),
    title: localizedSchema,
    description: z.optional(localizedSchema),
    input: z.optional(formSpecSchema),
    /** Who may start an instance: `roles`, `anyone`, `notOf` as on a transition (over `$context.input`). */
    roles: accessRuleFields.roles,
    anyone: accessRuleFields.anyone,
    notOf: accessRuleFields.notOf,
    context: z.optional(z.record(name, z.unknown())),
    initial: name,
    states: z.record(name, stateSchema).check(z.refine((s) => Object.keys(s).length > 0, 'at least one step')),
  })
  .check(
    z.superRefine((spec, ctx) => {
      // Default-deny: who may start, and who may send each event a person can send, is
      // written down; a missing rule is an error, never an open door.
      if (!hasAllowRule(spec)) {
        ctx.addIssue({ code: 'custom', path: ['roles'], message: 'who may start an instance is not said: give roles or anyone', params: { code: 'CHAIN_RULE_MISSING' } });
      }
      for (const [stateName, state] of Object.entries(spec.states)) {
        for (const [event, ts] of Object.entries(state.on ?? {})) {
          if (event === ACTIVITY_DONE_EVENT) continue;
          (Array.isArray(ts) ? ts : [ts]).forEach((t, i) => {
            if (hasAllowRule(t)) return;
            const path = ['states', stateName, 'on', event, ...(Array.isArray(ts) ? [i] : [])];
            ctx.addIssue({ code: 'custom', path, message: RULE_MISSING(`send ${event}`), params: { code: 'CHAIN_RULE_MISSING' } });
          });
        }
      }
      if (!(spec.initial in spec.states)) {
        ctx.addIssue({ code: 'custom', path: ['initial'], message: `no step named "${spec.initial}"` });
      }
      for (const [stateName, state] of Object.entries(spec.states)) {
        const base = ['states', stateName];
        if (state.type === 'final' && (state.on || state.sla || state.timers)) {
          ctx.addIssue({ code: 'custom', path: base, message: 'a final step cannot have events or timers' });
        }
        const check = (t: { target?: string } | undefined, path: (string | number)[]) => {
          if (t?.target !== undefined && !(t.target in spec.states)) {
            ctx.addIssue({ code: 'custom', path: [...path, 'target'], message: `no step named "${t.target}"` });
          }
        };
        check(state.sla?.onBreach, [...base, 'sla', 'onBreach']);
        for (const [timer, t] of Object.entries(state.timers ?? {})) check(t.then, [...base, 'timers', timer, 'then']);
        for (const [event, ts] of Object.entries(state.on ?? {})) {
          (Array.isArray(ts) ? ts : [ts]).forEach((t, i) =>
            check(t, Array.isArray(ts) ? [...base, 'on', event, i] : [...base, 'on', event]),
          );
        }
      }
    }),
  );

function RULE_MISSING(what: string): string {
  return `who may ${what} is not said: give ${ACCESS_RULE_KEYS.join(', ')}`;
}

/** A validated chain definition. */
export type ChainSpec = z.infer<typeof chainSpecSchema>;
/** One step of a chain. */
export type StateSpec = ChainSpec['states'][string];
/** One transition of a step. */
export type TransitionSpec = z.infer<typeof transitionSchema>;
/** A declared side effect: notify, start a chain, open a finding. */
export type EffectSpec = z.infer<typeof effectSchema>;
/** Effects run once per item of a list. */
export type ForEachEffectSpec = z.infer<typeof forEachSchema>;
/** Who a step is assigned to. */
export type AssigneeSpec = z.infer<typeof assigneeSchema>;
