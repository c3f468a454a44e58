import semver from 'semver';
import * as z from '../util/zod.js';
import type { Catalog } from '../i18n/Catalog.js';
import { RESERVED_NAMESPACES } from '../i18n/i18n.js';
import { formSpecSchema, localizedSchema } from '../kernel/formFields.js';
import { commandGroupOf } from './commandGroup.js';
import { FIELD_FORMATS } from './PluginDefinition.js';

const catalogSchema: z.ZodMiniType<Catalog> = z.lazy(() => z.record(z.string(), z.union([z.string(), catalogSchema])));

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'expected a function');

/**
 * The schema of a plugin's data: checked before any function of the plugin is called.
 * Task type names must start with the plugin id, so two plugins never collide.
 */
export const manifestSchema = z
  .strictObject({
    id: z
      .string()
      .check(
        z.regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and -'),
        z.refine((id) => !RESERVED_NAMESPACES.includes(id), `${RESERVED_NAMESPACES.join(', ')} name duban's own texts`),
      ),
    version: z.string().check(z.refine((v) => semver.valid(v) !== null, 'a semver version such as 1.0.0')),
    engine: z.string().check(z.refine((v) => semver.validRange(v) !== null, 'a semver range such as ^0.1.0')),
    title: localizedSchema,
    description: z.optional(localizedSchema),
    messages: z.optional(z.strictObject({ 'zh-CN': catalogSchema, en: catalogSchema })),
    labels: z.optional(
      z.strictObject({
        categories: z.optional(z.record(z.string().check(z.minLength(1)), localizedSchema)),
        fields: z.optional(z.record(z.string().check(z.minLength(1)), localizedSchema)),
        values: z.optional(z.record(z.string().check(z.minLength(1)), z.record(z.string().check(z.minLength(1)), localizedSchema))),
        formats: z.optional(z.record(z.string().check(z.minLength(1)), z.enum(FIELD_FORMATS))),
      }),
    ),
    taskTypes: z.optional(
      z.array(
        z.strictObject({
          name: z.string().check(z.regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9.-]*$/, 'a name like plugin-id.task')),
          title: localizedSchema,
          form: z.optional(formSpecSchema),
          submitEvent: z.optional(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/))),
          validate: z.optional(fn),
          activity: z.optional(fn),
        }),
      ),
    ),
    chains: z.optional(z.array(z.union([z.string().check(z.minLength(1)), z.instanceof(URL)]))),
    readsChains: z.optional(z.array(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'a chain id')))),
    commands: z.optional(
      z.array(
        z.strictObject({
          name: z.string().check(z.regex(/^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$/, 'words of lower-case letters, digits and -')),
          summary: localizedSchema,
          options: z.optional(
            z.array(
              z.strictObject({
                flags: z.string().check(z.minLength(2)),
                description: localizedSchema,
                required: z.optional(z.boolean()),
                default: z.optional(z.string()),
              }),
            ),
          ),
          pure: z.optional(z.boolean()),
          run: fn,
        }),
      ),
    ),
    outboxHandlers: z.optional(z.record(z.string().check(z.regex(/^[a-z][a-z0-9.-]*$/, 'a handler name like sync-pacs')), fn)),
    migrations: z.optional(z.record(z.string(), z.object({ up: fn, down: z.optional(fn) }))),
    register: z.optional(fn),
    reportSections: z.optional(
      z.array(
        z.strictObject({
          id: z.string().check(z.regex(/^[a-z][a-zA-Z0-9-]*$/, 'a section id like slideQc')),
          title: localizedSchema,
          order: z.optional(z.number()),
          build: fn,
        }),
      ),
    ),
  })
  .check(
    z.superRefine((m, ctx) => {
      // A plugin's commands live under one group word: `duban tb lqas`, `duban tb slides`.
      const group = commandGroupOf(m);
      (m.commands ?? []).forEach((c, i) => {
        const words = c.name.split(' ');
        if (words.length < 2 || words[0] !== group) {
          ctx.addIssue({ code: 'custom', path: ['commands', i, 'name'], message: `must be "${group} <command>": a plugin's commands share one group word` });
        }
      });
      (m.taskTypes ?? []).forEach((t, i) => {
        if (!t.name.startsWith(`${m.id}.`)) {
          ctx.addIssue({ code: 'custom', path: ['taskTypes', i, 'name'], message: `must start with "${m.id}."` });
        }
      });
    }),
  );
