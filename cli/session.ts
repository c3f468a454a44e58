import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { createDuban, type DubanOptions, type Duban } from '../core/container/createDuban.js';
import { defaultDatabaseTarget } from '../core/store/defaultDatabaseTarget.js';
import { loadConfig } from '../core/config/loadConfig.js';
import type { DubanConfig } from '../core/config/DubanConfig.js';
import type { Language } from '../core/i18n/Localized.js';
import { resolveIdentity, type Identity } from '../core/access/resolveIdentity.js';
import type { PersonActor } from '../core/actor/Actor.js';
import type { PluginCandidate } from '../core/plugin/PluginRegistry.js';
import { loadPluginCatalogue } from '../core/plugin/loadPluginCatalogue.js';
import type { PluginRegistry } from '../core/plugin/PluginRegistry.js';
import { DEFAULT_SETTINGS } from '../core/runtime/Settings.js';
import { builtinPlugins } from '../plugins/index.js';
import { configPlugins } from './configPlugins.js';
import { CORE_COMMANDS } from './coreCommands.js';
import { humanLogger } from './humanLogger.js';
import { sessionClock } from './sessionClock.js';

/** Global options every command sees. */
export interface GlobalOptions {
  readonly db?: string;
  readonly config?: string;
  readonly as?: string;
  readonly lang?: string;
}

/** An open engine for one CLI command, with the user's language and person. */
export interface Session {
  readonly duban: Duban;
  readonly config: DubanConfig;
  readonly lang: Language;
  /**
   * The person actions are taken as: from the login once the org maps logins to people
   * (`--as` then acts on another's behalf, an office right); else `--as`, the config's
   * `person`, `DUBAN_AS`, the OS account.
   */
  readonly actor: PersonActor;
  /** How {@link actor} was established: `declared` when nothing but the claim says so. */
  readonly identity: Identity['basis'];
  close(): Promise<void>;
}

/**
 * Opens the engine the way every command does: the config file, the database target
 * (`--db`, `DUBAN_DB`, config, XDG default), the clock (`DUBAN_NOW` shifts it, for
 * simulations), a logger on stderr, the built-in plugins and the config's plugins.
 * `open` is {@link DubanOptions.open}: `existing` unless the command makes or upgrades the database.
 */
export async function openSession(command: Command, lang: Language, open: DubanOptions['open'] = 'existing'): Promise<Session> {
  const opts = command.optsWithGlobals<GlobalOptions>();
  const config = await loadConfig(process.cwd(), opts.config);
  const target = sessionTarget(opts, config);
  // pino loads for `serve` only: other commands log a few human lines to stderr.
  const logger =
    command.name() === 'serve'
      ? (await import('./serveLogger.js')).serveLogger({ level: process.env.DUBAN_LOG ?? config.logLevel, timeZone: config.timeZone ?? DEFAULT_SETTINGS.timeZone })
      : humanLogger();
  const duban = await createDuban({
    db: target,
    open,
    clock: sessionClock(),
    logger,
    plugins: [...builtinPlugins, ...configPlugins(config)],
    reservedCommandGroups: CORE_COMMANDS,
    pluginConfig: config.pluginConfig,
    notify: config.notify,
    postgres: config.postgres,
    audit: {
      // loadConfig has made both absolute, against the file that names them.
      ...(config.audit?.keyFile ? { keyFile: config.audit.keyFile } : {}),
      ...(config.audit?.anchorsFile ? { anchorsFile: config.audit.anchorsFile } : {}),
      ...(config.audit?.trustedKeys ? { trustedKeys: config.audit.trustedKeys } : {}),
      webhooks: (config.notify?.webhooks ?? []).filter((hook) => config.audit?.webhooks?.includes(hook.name)),
    },
    settings: {
      ...(config.timeZone ? { timeZone: config.timeZone } : {}),
      ...(config.lateAfterMs !== undefined ? { lateAfterMs: config.lateAfterMs } : {}),
      ...(config.pollIntervalMs !== undefined ? { pollIntervalMs: config.pollIntervalMs } : {}),
      ...(config.workerSilentAfterMs !== undefined ? { workerSilentAfterMs: config.workerSilentAfterMs } : {}),
      ...(config.outboxLateAfterMs !== undefined ? { outboxLateAfterMs: config.outboxLateAfterMs } : {}),
      ...(config.pluginLoadTimeoutMs !== undefined ? { pluginLoadTimeoutMs: config.pluginLoadTimeoutMs } : {}),
      ...(config.plainSendRetryMs !== undefined ? { plainSendRetryMs: config.plainSendRetryMs } : {}),
    },
  });
  const claim =
    opts.as !== undefined
      ? { claimed: opts.as, source: '--as' }
      : config.person !== undefined
        ? { claimed: config.person, source: 'person' }
        : process.env.DUBAN_AS !== undefined
          ? { claimed: process.env.DUBAN_AS, source: 'DUBAN_AS' }
          : {};
  let identity: Identity;
  try {
    identity = await resolveIdentity(duban.store, duban.access, claim);
  } catch (error) {
    await duban.close();
    throw error;
  }
  return { duban, config, lang, actor: identity.actor, identity: identity.basis, close: () => duban.close() };
}

/** The database a command works on: `--db`, `DUBAN_DB`, the config's `db` (relative to its file), the XDG default. */
export function sessionTarget(opts: GlobalOptions, config: DubanConfig): string {
  return defaultDatabaseTarget(opts.db, config.db && !isAbsolute(config.db) && !config.db.includes('://') ? resolve(config.configDir, config.db) : config.db);
}

/**
 * The plugins a session would load (built in and the config's), loaded for what they
 * declare only: no database is opened. For commands that read no data.
 */
export async function sessionPlugins(command: Command): Promise<PluginRegistry> {
  const config = await loadConfig(process.cwd(), command.optsWithGlobals<GlobalOptions>().config);
  return loadPluginCatalogue([...builtinPlugins, ...configPlugins(config)], {
    logger: humanLogger(),
    reservedCommandGroups: CORE_COMMANDS,
    pluginConfig: config.pluginConfig,
    ...(config.pluginLoadTimeoutMs !== undefined ? { timeoutMs: config.pluginLoadTimeoutMs } : {}),
  });
}

/**
 * Runs `fn` with an open session and always closes it. By default the database must exist
 * with a current schema (`DB_NOT_FOUND`, `DB_OUTDATED`); only the commands that make or
 * upgrade a database pass another `open`.
 */
export async function withSession<T>(command: Command, lang: Language, fn: (session: Session) => Promise<T>, open?: DubanOptions['open']): Promise<T> {
  const session = await openSession(command, lang, open);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
