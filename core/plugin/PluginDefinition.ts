import type { Migration } from 'kysely';
import type { Messages, MessageVars } from '../i18n/Catalog.js';
import type { Localized } from '../i18n/Localized.js';
import type { ReportSectionDefinition } from '../report/ReportSection.js';
import type { FieldProblem, FormSpec } from '../kernel/formFields.js';
import type { PluginAccess, PluginLogger, PluginServices } from './PluginServices.js';

/** What a plugin activity receives besides its input: the plugin's services, and the job. */
export interface ActivityContext<DB = any> extends PluginServices<DB> {
  readonly instanceId: string;
  /** The outbox row id: the same on every retry, so effects can be made idempotent by it. */
  readonly idempotencyKey: string;
  /** A seed derived from the idempotency key, for recorded, repeatable randomness. */
  readonly seed: number;
  readonly attempt: number;
  readonly now: Date;
}

/** What a plugin's outbox handler receives besides the effect's payload: the plugin's services, and the job. */
export interface OutboxHandlerContext<DB = any> extends PluginServices<DB> {
  readonly instanceId: string | null;
  /** The outbox row id: the same on every retry, so effects can be made idempotent by it. */
  readonly idempotencyKey: string;
  readonly attempt: number;
  readonly now: Date;
}

/**
 * Work a chain asks for with a `call` effect (`call: { handler: radiology.sync-pacs, with: {...} }`),
 * run through the outbox after the commit, retried with back-off until it succeeds or an
 * incident opens. Must be idempotent by `ctx.idempotencyKey`.
 */
export type PluginOutboxHandler = (payload: Readonly<Record<string, unknown>>, ctx: OutboxHandlerContext) => Promise<void>;

/** What a task type's `validate` may read of its instance: the chain input and the data recorded so far. */
export interface TaskInstanceScope {
  readonly input: Readonly<Record<string, unknown>>;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A task type: a form people fill, optional checks, optional work run by the engine. */
export interface TaskTypeDefinition {
  /** `<plugin-id>.<name>`, e.g. `medtech.duty-post-check`. */
  readonly name: string;
  readonly title: Localized;
  readonly form?: FormSpec;
  /** The event that carries the form's data. Default `SUBMIT`. */
  readonly submitEvent?: string;
  /**
   * Checks beyond the form (cross-field rules, and rules against the instance: "every
   * roster person exactly once"). Pure. Returns the problems, empty when fine.
   */
  readonly validate?: (data: Record<string, unknown>, instance: TaskInstanceScope) => readonly FieldProblem[];
  /**
   * Work run after the step is entered (outside the transaction, through the outbox).
   * Its result comes back to the instance as the `task.done` event with the result as data.
   */
  readonly activity?: (input: { input: Record<string, unknown>; data: Record<string, unknown> }, ctx: ActivityContext) => Promise<Record<string, unknown>>;
}

/** An option of a plugin command, in commander's flag syntax (`--input <csv>`). */
export interface PluginCommandOption {
  readonly flags: string;
  readonly description: Localized;
  readonly required?: boolean;
  readonly default?: string;
}

/** What a pure plugin command (one that opens no database) receives: language, output, config, texts. */
export interface PureCommandContext {
  readonly lang: 'zh-CN' | 'en';
  readonly json: boolean;
  readonly now: Date;
  /** The plugin's section of the config file. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly print: (text: string) => void;
  /**
   * A text of the plugin's `messages` in {@link lang}: `ctx.t('out.slides', { count: 20 })`.
   * A key the plugin does not have comes back as the key.
   */
  readonly t: (key: string, vars?: MessageVars) => string;
}

/** What a plugin command receives: the plugin's services, the acting person and `can()`. */
export interface CommandContext<DB = any> extends PureCommandContext, PluginServices<DB>, PluginAccess {
  /** The acting person's id. */
  readonly actor: string;
}

interface PluginCommandBase {
  /** Space-separated words: a group and a command, e.g. `tb lqas`. */
  readonly name: string;
  readonly summary: Localized;
  readonly options?: readonly PluginCommandOption[];
}

/** A command that works on the database: it runs with an open engine. */
export interface DatabaseCommand extends PluginCommandBase {
  readonly pure?: false;
  /** Returns what `--json` prints; the command prints text itself through `ctx.print`. */
  readonly run: (options: Record<string, string | boolean | undefined>, ctx: CommandContext) => Promise<unknown>;
}

/**
 * A command that computes from its options and files alone (`pure: true`): the host opens
 * no database for it, so it works where there is none and can change none.
 */
export interface PureCommand extends PluginCommandBase {
  readonly pure: true;
  readonly run: (options: Record<string, string | boolean | undefined>, ctx: PureCommandContext) => Promise<unknown>;
}

/** A CLI command a plugin adds under `duban <name>` (e.g. `medtech points`). */
export type PluginCommand = DatabaseCommand | PureCommand;

/** What a plugin's `register` callback receives. */
export interface RegisterContext {
  readonly engineVersion: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly log: PluginLogger;
}

/** Labels in both languages for the codes a plugin writes: finding categories, the keys of the data it records and the codes those hold. */
export interface PluginLabels {
  readonly categories?: Readonly<Record<string, Localized>>;
  readonly fields?: Readonly<Record<string, Localized>>;
  /** The codes a data field holds, by field then code (`status`: `late` is 迟到 / Late). */
  readonly values?: Readonly<Record<string, Readonly<Record<string, Localized>>>>;
  /** How a numeric field is written (`rate`: `percent` writes 0.75 as 75.0%), as the reports write figures. */
  readonly formats?: Readonly<Record<string, FieldFormat>>;
}

/** The ways a plugin may ask a numeric data field to be written. */
export const FIELD_FORMATS = ['percent', 'days', 'decimal'] as const;

/** One of {@link FIELD_FORMATS}. */
export type FieldFormat = (typeof FIELD_FORMATS)[number];

/**
 * A department plugin, as written by hospital IT. Metadata is data, validated before
 * any of the plugin's functions run; behaviour is in the functions the host calls.
 */
export interface PluginDefinition {
  readonly id: string;
  readonly version: string;
  /** A semver range of engine versions the plugin supports, e.g. `^0.1.0`. */
  readonly engine: string;
  readonly title: Localized;
  readonly description?: Localized;
  /**
   * The plugin's texts in both languages (i18next catalogs: `{{name}}` placeholders, plural
   * keys `_one`/`_other` asked for with `count`). The host adds them to the shared i18next
   * instance as namespace `<id>` when it loads the plugin; commands read them through
   * `ctx.t`. `createPluginText` makes them and a translator for module-level labels.
   */
  readonly messages?: Messages;
  /** How people read the plugin's finding categories and data fields (`duty-post.absent`: 值班不在岗 / Absent from the duty post). */
  readonly labels?: PluginLabels;
  readonly taskTypes?: readonly TaskTypeDefinition[];
  /** Chain files (absolute paths or `file:` URLs) the plugin ships. */
  readonly chains?: readonly (string | URL)[];
  /** Chains of other owners whose instances the plugin reads through `ctx.instances` (its own it always may). */
  readonly readsChains?: readonly string[];
  readonly commands?: readonly PluginCommand[];
  /** Handlers of chain `call` effects, by name: `sync-pacs` is called as `<plugin-id>.sync-pacs`. */
  readonly outboxHandlers?: Readonly<Record<string, PluginOutboxHandler>>;
  /** The plugin's own migrations; their history is kept in `duban_plugin_<id>_migration`. */
  readonly migrations?: Readonly<Record<string, Migration>>;
  /** Sections the plugin adds to `duban report` and the TUI dashboard (data with zh/en labels). */
  readonly reportSections?: readonly ReportSectionDefinition[];
  /** Called once when the plugin is loaded; a throw disables the plugin. */
  readonly register?: (ctx: RegisterContext) => void | Promise<void>;
}
