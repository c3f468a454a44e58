import type { Localized } from '../i18n/Localized.js';
import semver from 'semver';
import { DubanError, isDubanError } from '../errors/DubanError.js';
import type { ErrorCode } from '../errors/errorCodes.js';
import type { TaskTypes } from '../runtime/TaskTypes.js';
import { addNamespace } from '../i18n/i18n.js';
import { ENGINE_VERSION } from '../version.js';
import type { TaskTypeInfo } from '../kernel/ChainTypes.js';
import type { FieldProblem } from '../kernel/formFields.js';
import { commandGroupClash, commandGroupOf } from './commandGroup.js';
import { manifestSchema } from './manifestSchema.js';
import { guardPluginLoad, isGuardRefusal } from './guardPluginLoad.js';
import { pickDefinition } from './pickDefinition.js';
import { pluginWorkFailed } from './pluginWorkFailed.js';
import type { ActivityContext, FieldFormat, PluginDefinition, PluginLabels, PluginOutboxHandler, TaskInstanceScope, TaskTypeDefinition } from './PluginDefinition.js';
import type { PluginLogger } from './PluginServices.js';

/** Where a plugin comes from, and how to get its value. Loading may run the module's code. */
export interface PluginCandidate {
  /** `builtin:<id>`, a file path or a package name, for messages. */
  readonly source: string;
  readonly load: () => unknown;
  /**
   * The command group the plugin declares (`tb` for `tb lqas`), or `null` for none, when
   * known without loading it. A face running another group's command may then skip loading
   * the plugin. Undefined means unknown: the plugin is loaded to find out.
   */
  readonly commandGroup?: string | null;
}

/** A plugin that loaded. */
export interface LoadedPlugin {
  readonly id: string;
  readonly version: string;
  readonly source: string;
  readonly definition: PluginDefinition;
}

/** A plugin that did not load, and why. The engine runs on without it. */
export interface DisabledPlugin {
  readonly source: string;
  readonly id?: string;
  readonly code: ErrorCode;
  readonly message: string;
}

/** Steps of loading that need the database; given by the composition root. */
export interface PluginLoadHooks {
  /** Runs the plugin's migrations (its own history table). */
  migrate(plugin: PluginDefinition): Promise<void>;
  /** Parses and registers the plugin's chains, all or none. */
  registerChains(plugin: PluginDefinition): Promise<void>;
  /** The plugin's section of the config file. */
  config(pluginId: string): Readonly<Record<string, unknown>>;
  /** The plugin's logger. */
  log(pluginId: string): PluginLogger;
  /** Command words the face running the engine has itself (a plugin's group may not be one). */
  readonly reservedCommandGroups?: readonly string[];
  /** How long a plugin's import and its `register()` may each take (`settings.pluginLoadTimeoutMs`). */
  readonly timeoutMs: number;
}

/**
 * The loaded plugins and their task types. Loading checks each plugin's manifest before
 * calling any of its functions, checks its engine range, runs its `register`, its
 * migrations and its chains; any failure disables that plugin alone, with a message that
 * names it and why. Every later call into plugin code goes through a wrapper that records
 * the plugin id on failure.
 */
export class PluginRegistry implements TaskTypes {
  readonly #loaded: LoadedPlugin[] = [];
  readonly #disabled: DisabledPlugin[] = [];
  readonly #taskTypes = new Map<string, { plugin: string; def: TaskTypeDefinition }>();
  readonly #outboxHandlers = new Map<string, { plugin: string; handler: PluginOutboxHandler }>();

  get loaded(): readonly LoadedPlugin[] {
    return this.#loaded;
  }

  get disabled(): readonly DisabledPlugin[] {
    return this.#disabled;
  }

  /** Loads candidates in order. Never throws: failures become {@link DisabledPlugin}s. */
  async load(candidates: readonly PluginCandidate[], hooks: PluginLoadHooks): Promise<void> {
    for (const candidate of candidates) {
      let id: string | undefined;
      try {
        const definition = await this.validateCandidate(candidate, hooks.timeoutMs);
        id = definition.id;
        const clash = commandGroupClash(definition, hooks.reservedCommandGroups ?? [], this.commandGroups());
        if (clash) throw new DubanError('PLUGIN_MANIFEST_INVALID', clash, { place: { file: candidate.source, path: 'commands' } });
        await this.activate(definition, hooks);
        this.#loaded.push({ id: definition.id, version: definition.version, source: candidate.source, definition });
      } catch (error) {
        this.forgetTaskTypes(id);
        const code: ErrorCode = isDubanError(error) ? error.code : 'PLUGIN_LOAD_FAILED';
        const message = error instanceof Error ? error.message : String(error);
        this.#disabled.push({ source: candidate.source, id, code, message: `plugin ${id ?? candidate.source} disabled: ${message}` });
      }
    }
  }

  /** Each loaded plugin's command group, to the plugin's id. */
  commandGroups(): ReadonlyMap<string, string> {
    const groups = new Map<string, string>();
    for (const p of this.#loaded) {
      const group = commandGroupOf(p.definition);
      if (group !== undefined) groups.set(group, p.id);
    }
    return groups;
  }

  /** A finding category's label from the plugin that writes it; undefined when no loaded plugin labels it. */
  categoryLabel(category: string): Localized | undefined {
    return this.#firstLabel((labels) => labels.categories?.[category]);
  }

  /** A data field's label (`punctuality`, `reinspection`) from the loaded plugins; undefined when none labels it. */
  fieldLabel(field: string): Localized | undefined {
    return this.#firstLabel((labels) => labels.fields?.[field]);
  }

  /** A code's label as a data field holds it (`status` `late`) from the loaded plugins; undefined when none labels it. */
  valueLabel(field: string, value: string): Localized | undefined {
    return this.#firstLabel((labels) => labels.values?.[field]?.[value]);
  }

  /** How a numeric data field is written, from the loaded plugins; undefined when none says. */
  fieldFormat(field: string): FieldFormat | undefined {
    return this.#firstLabel((labels) => labels.formats?.[field]);
  }

  /** The first loaded plugin's answer from its labels, in load order. */
  #firstLabel<T>(pick: (labels: PluginLabels) => T | undefined): T | undefined {
    for (const plugin of this.#loaded) {
      const found = plugin.definition.labels ? pick(plugin.definition.labels) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** The plugin that owns a task type or an outbox handler (`<plugin-id>.<name>`). */
  owner(name: string): string | undefined {
    return this.#taskTypes.get(name)?.plugin ?? this.#outboxHandlers.get(name)?.plugin;
  }

  /** The loaded plugins' outbox handlers, by the name a chain's `call` effect gives. */
  outboxHandlers(): ReadonlyMap<string, { readonly plugin: string; readonly handler: PluginOutboxHandler }> {
    return this.#outboxHandlers;
  }

  /** The task type definition, or undefined. */
  taskType(task: string): TaskTypeDefinition | undefined {
    return this.#taskTypes.get(task)?.def;
  }

  readonly lookup = (name: string): TaskTypeInfo | undefined => {
    const def = this.#taskTypes.get(name)?.def;
    return def && { name, form: def.form, submitEvent: def.submitEvent ?? 'SUBMIT', hasActivity: typeof def.activity === 'function' };
  };

  form(task: string) {
    const def = this.taskType(task);
    return def && { form: def.form, submitEvent: def.submitEvent ?? 'SUBMIT' };
  }

  validate(task: string, data: Record<string, unknown>, instance: TaskInstanceScope = { input: {}, data: {} }): FieldProblem[] {
    const entry = this.#taskTypes.get(task);
    if (!entry?.def.validate) return [];
    try {
      return [...entry.def.validate(data, instance)];
    } catch (error) {
      return [{ path: '(plugin)', message: `plugin ${entry.plugin} failed validating ${task}: ${(error as Error).message}` }];
    }
  }

  /**
   * Runs a task type's activity. A throw is wrapped into `ACTIVITY_FAILED` naming the
   * plugin, so the outbox can retry it and the incident says whose code failed.
   */
  async runActivity(task: string, input: { input: Record<string, unknown>; data: Record<string, unknown> }, ctx: ActivityContext) {
    const entry = this.#taskTypes.get(task);
    if (!entry?.def.activity) {
      throw new DubanError('TASK_TYPE_UNKNOWN', `no loaded plugin runs an activity for task type "${task}"`);
    }
    try {
      const result = await entry.def.activity(input, ctx);
      if (result === null || typeof result !== 'object' || Array.isArray(result)) {
        throw new Error('the activity must return an object');
      }
      return result;
    } catch (error) {
      throw pluginWorkFailed(error, entry.plugin, `task ${task}`, { task });
    }
  }

  private async validateCandidate(candidate: PluginCandidate, timeoutMs: number): Promise<PluginDefinition> {
    let value: unknown;
    try {
      value = pickDefinition(await guardPluginLoad(candidate.source, `loading ${candidate.source}`, candidate.load, timeoutMs));
    } catch (error) {
      if (isGuardRefusal(error)) throw error;
      throw new DubanError('PLUGIN_LOAD_FAILED', `cannot load ${candidate.source}: ${(error as Error).message}`, { cause: error });
    }
    const parsed = manifestSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String).join('.');
      throw new DubanError('PLUGIN_MANIFEST_INVALID', `${candidate.source}: ${path || '(manifest)'}: ${issue.message}`, {
        place: { file: candidate.source, path },
      });
    }
    const definition = value as PluginDefinition;
    if (!semver.satisfies(ENGINE_VERSION, definition.engine, { includePrerelease: true })) {
      throw new DubanError('PLUGIN_ENGINE_MISMATCH', `needs engine ${definition.engine}; this is ${ENGINE_VERSION}`, {
        place: { file: candidate.source, path: 'engine' },
      });
    }
    if (this.#loaded.some((p) => p.id === definition.id)) {
      throw new DubanError('PLUGIN_MANIFEST_INVALID', `another plugin with id "${definition.id}" is already loaded`, {
        place: { file: candidate.source, path: 'id' },
      });
    }
    return definition;
  }

  private async activate(definition: PluginDefinition, hooks: PluginLoadHooks): Promise<void> {
    // Before register(): the plugin's code may ask for its texts from then on.
    if (definition.messages) addNamespace(definition.id, definition.messages);
    if (definition.register) {
      try {
        const ctx = { engineVersion: ENGINE_VERSION, config: hooks.config(definition.id), log: hooks.log(definition.id) };
        await guardPluginLoad(definition.id, 'register()', () => definition.register!(ctx), hooks.timeoutMs);
      } catch (error) {
        if (isGuardRefusal(error)) throw error;
        throw new DubanError('PLUGIN_REGISTER_FAILED', `register() threw: ${(error as Error)?.message ?? String(error)}`, { cause: error });
      }
    }
    for (const def of definition.taskTypes ?? []) {
      if (this.#taskTypes.has(def.name)) {
        throw new DubanError('PLUGIN_MANIFEST_INVALID', `task type ${def.name} is already provided by ${this.owner(def.name)}`);
      }
      this.#taskTypes.set(def.name, { plugin: definition.id, def });
    }
    for (const [name, handler] of Object.entries(definition.outboxHandlers ?? {})) this.#outboxHandlers.set(`${definition.id}.${name}`, { plugin: definition.id, handler });
    await hooks.migrate(definition);
    await hooks.registerChains(definition);
  }

  private forgetTaskTypes(pluginId: string | undefined): void {
    if (!pluginId) return;
    for (const [name, entry] of this.#taskTypes) if (entry.plugin === pluginId) this.#taskTypes.delete(name);
    for (const [name, entry] of this.#outboxHandlers) if (entry.plugin === pluginId) this.#outboxHandlers.delete(name);
  }
}
