import semver from 'semver';
import { z } from 'zod';
import type { Catalog } from '../i18n/Catalog.js';
import { RESERVED_NAMESPACES } from '../i18n/i18n.js';
import { formSpecSchema, localizedSchema } from '../kernel/formFields.js';
import { commandGroupOf } from './commandGroup.js';
import { FIELD_FORMATS } from './PluginDefinition.js';

const catalogSchema: z.ZodType<Catalog> = z.lazy(() => z.record(z.string(), z.union([z.string(), catalogSchema])));

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'expected a function');

/**
 * The schema of a plugin's data: checked before any function of the plugin is called.
 * Task type names must start with the plugin id, so two plugins never collide.
 */
export const manifestSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and -')
      .refine((id) => !RESERVED_NAMESPACES.includes(id), `${RESERVED_NAMESPACES.join(', ')} name duban's own texts`),
    version: z.string().refine((v) => semver.valid(v) !== null, 'a semver version such as 1.0.0'),
    engine: z.string().refine((v) => semver.validRange(v) !== null, 'a semver range such as ^0.1.0'),
    title: localizedSchema,
    description: localizedSchema.optional(),
    messages: z.strictObject({ 'zh-CN': catalogSchema, en: catalogSchema }).optional(),
    labels: z
      .strictObject({
        categories: z.record(z.string().min(1), localizedSchema).optional(),
        fields: z.record(z.string().min(1), localizedSchema).optional(),
        values: z.record(z.string().min(1), z.record(z.string().min(1), localizedSchema)).optional(),
        formats: z.record(z.string().min(1), z.enum(FIELD_FORMATS)).optional(),
      })
      .optional(),
    taskTypes: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9.-]*$/, 'a name like plugin-id.task'),
          title: localizedSchema,
          form: formSpecSchema.optional(),
          submitEvent: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/).optional(),
          validate: fn.optional(),
          activity: fn.optional(),
        }),
      )
      .optional(),
    chains: z.array(z.union([z.string().min(1), z.instanceof(URL)])).optional(),
    readsChains: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a chain id')).optional(),
    commands: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$/, 'words of lower-case letters, digits and -'),
          summary: localizedSchema,
          options: z
            .array(z.strictObject({ flags: z.string().min(2), description: localizedSchema, required: z.boolean().optional(), default: z.string().optional() }))
            .optional(),
          pure: z.boolean().optional(),
          run: fn,
        }),
      )
      .optional(),
    outboxHandlers: z.record(z.string().regex(/^[a-z][a-z0-9.-]*$/, 'a handler name like sync-pacs'), fn).optional(),
    migrations: z.record(z.string(), z.object({ up: fn, down: fn.optional() })).optional(),
    register: fn.optional(),
    reportSections: z
      .array(z.strictObject({ id: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'a section id like slideQc'), title: localizedSchema, order: z.number().optional(), build: fn }))
      .optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
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
  });
