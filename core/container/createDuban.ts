import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { SystemClock, type Clock } from '../clock/Clock.js';
import { DubanError, findCause } from '../errors/DubanError.js';
import { AccessControl } from '../access/AccessControl.js';
import { Heartbeats } from '../health/Heartbeats.js';
import { AnchorService, type AnchorSettings } from '../audit/AnchorService.js';
import { defaultAnchorSettings } from '../audit/defaultAnchorSettings.js';
import type { Kysely } from 'kysely';
import type { ActorLike } from '../actor/Actor.js';
import { createPluginServices, type PluginServiceDeps } from '../plugin/createPluginServices.js';
import type { PluginDefinition } from '../plugin/PluginDefinition.js';
import type { PluginServices } from '../plugin/PluginServices.js';
import { scopedDb } from '../plugin/scope/scopedDb.js';
import { PluginRegistry, type PluginCandidate } from '../plugin/PluginRegistry.js';
import { InstanceStore } from '../instances/InstanceStore.js';
import { Engine } from '../runtime/Engine.js';
import { IncidentService } from '../runtime/IncidentService.js';
import type { Logger } from '../runtime/Logger.js';
import { OutboxDispatcher } from '../runtime/OutboxDispatcher.js';
import type { OutboxHandlers } from '../runtime/OutboxHandler.js';
import { DEFAULT_SETTINGS, type Settings } from '../runtime/Settings.js';
import { migrateToLatest } from '../store/migrateToLatest.js';
import { CORE_MIGRATION_SET, pluginMigrationTable, type MigrationSet } from '../store/migrationStatus.js';
import { openStore } from '../store/openStore.js';
import { requireCurrentSchema } from '../store/requireCurrentSchema.js';
import type { Store } from '../store/Store.js';
import { TimerService } from '../timers/TimerService.js';
import { ChainRegistry, CORE_OWNER } from '../workflow/ChainRegistry.js';
import { canonicalJson } from '../util/canonicalJson.js';
import { sha256 } from '../util/sha256.js';
import type { ParsedChain } from '../workflow/parseChainSource.js';
import { coreOutboxHandlers } from './coreOutboxHandlers.js';
import { pluginOutboxHandlers } from './pluginOutboxHandlers.js';
import { findingChain } from '../kernel/findingChain.js';
import { findingOutboxHandlers } from '../findings/findingOutboxHandlers.js';
import { findingProjection } from '../findings/findingProjection.js';
import { FindingQueries } from '../findings/FindingQueries.js';
import { FindingService } from '../findings/FindingService.js';
import { OrgDirectory } from '../org/OrgDirectory.js';
import { InboxService } from '../notify/InboxService.js';
import { notifyOutboxHandler } from '../notify/notifyOutboxHandler.js';
import type { NotifyConfig } from '../notify/NotifyConfig.js';
import type { DeliveryDeps } from '../notify/deliverNotification.js';
import type { PostgresConfig } from '../config/DubanConfig.js';
import { overdueDigestHandler } from '../schedule/overdueDigestHandler.js';
import type { OverdueDigestSource } from '../schedule/OverdueDigestSource.js';
import { findingsOverdueDigestSource } from '../findings/findingsOverdueDigestSource.js';
import { ScheduleService } from '../schedule/ScheduleService.js';
import { silentLogger } from './silentLogger.js';
import { TOKENS } from './tokens.js';

/** Options of {@link createDuban}. */
export interface DubanOptions {
  /** A SQLite file path or a postgres:// URL. */
  readonly db: string;
  /**
   * How the database is opened. `create` (the default, for tests and embedding): a
   * missing SQLite file is made and every migration runs. `migrate`: the file must exist;
   * migrations run (`duban init`, `duban migrate`, the demo). `existing`: the file must
   * exist and its schema be current (core and every plugin's); nothing is migrated.
   */
  readonly open?: 'create' | 'migrate' | 'existing';
  readonly plugins?: readonly PluginCandidate[];
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly settings?: Partial<Settings>;
  /** Command words of the face running the engine (the CLI's), which no plugin's command group may take. */
  readonly reservedCommandGroups?: readonly string[];
  /** Per-plugin config sections, by plugin id. */
  readonly pluginConfig?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Notification channels: default channels and webhooks (the config's `notify`). */
  readonly notify?: NotifyConfig;
  /** PostgreSQL pool size and timeouts (the config's `postgres`; ignored on SQLite). */
  readonly postgres?: PostgresConfig;
  /** Audit anchors: key file, anchors file, trusted keys (defaults: see defaultAnchorSettings). */
  readonly audit?: Partial<AnchorSettings>;
  /** Where schedules' overdue digests get their findings; until wired, a digest fails visibly. */
  readonly overdueDigestSource?: OverdueDigestSource;
}

/** A running engine with its services; `close()` releases the database. */
export interface Duban {
  readonly container: DependencyContainer;
  readonly store: Store;
  readonly clock: Clock;
  /** The logger the engine's services write to (`options.logger`, else silent). */
  readonly logger: Logger;
  readonly settings: Settings;
  readonly engine: Engine;
  /** The owner of the instances table: typed reads for faces and reports. */
  readonly instances: InstanceStore;
  readonly chains: ChainRegistry;
  /** The one answer to "may this actor do this" (`can`), for every face. */
  readonly access: AccessControl;
  readonly plugins: PluginRegistry;
  readonly timers: TimerService;
  readonly outbox: OutboxDispatcher;
  readonly incidents: IncidentService;
  readonly outboxHandlers: OutboxHandlers;
  readonly findings: FindingService;
  readonly findingQueries: FindingQueries;
  readonly org: OrgDirectory;
  readonly schedules: ScheduleService;
  readonly inbox: InboxService;
  /** Signed checkpoints of the audit log, kept outside the database. */
  readonly anchors: AnchorService;
  /** The last pass of each `serve` worker. */
  readonly heartbeats: Heartbeats;
  /**
   * Applies what a running engine can take over from a reloaded config: the `notify`
   * section (the next delivery uses it) and the poll interval and lateness threshold.
   * Everything else (database, plugins, their config, time zone, audit) is read at start.
   */
  reconfigure(live: LiveConfig): void;
  /** The services a plugin's code gets: its scoped tables, the owners' typed functions, its logger; changes made as `actor` (default the plugin). */
  pluginServices(pluginId: string, actor?: ActorLike): PluginServices;
  close(): Promise<void>;
}

/** The part of the config a running engine takes over on {@link Duban.reconfigure}. */
export interface LiveConfig {
  readonly notify?: NotifyConfig;
  readonly settings?: Partial<Pick<Settings, 'pollIntervalMs' | 'lateAfterMs'>>;
}

/**
 * The composition root: opens the database, migrates it, loads the plugins (a failing
 * plugin is disabled, never fatal), registers their chains and wires the services in a
 * tsyringe child container. Tests pass a ManualClock here.
 *
 * @throws DubanError `DB_OPEN_FAILED` when the database cannot be opened or migrated;
 * `DB_NOT_FOUND` for a missing SQLite file and `DB_OUTDATED` for pending migrations, as
 * {@link DubanOptions.open} says.
 */
export async function createDuban(options: DubanOptions): Promise<Duban> {
  const logger = options.logger ?? silentLogger;
  const mode = options.open ?? 'create';
  const store = await openStore(options.db, { postgres: options.postgres, logger, mustExist: mode !== 'create' });
  try {
    if (mode === 'existing') await requireCurrentSchema(store, [CORE_MIGRATION_SET]);
    else await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const clock = options.clock ?? new SystemClock();
  const settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const plugins = new PluginRegistry();
  const chains = new ChainRegistry(store.db, plugins.lookup);
  const handlers: OutboxHandlers = new Map();

  const container = rootContainer.createChildContainer();
  container.register(TOKENS.Store, { useValue: store });
  container.register(TOKENS.Clock, { useValue: clock });
  container.register(TOKENS.Logger, { useValue: logger });
  container.register(TOKENS.Settings, { useValue: settings });
  container.register(TOKENS.PluginRegistry, { useValue: plugins });
  container.register(TOKENS.ChainRegistry, { useValue: chains });
  const access = new AccessControl(store, chains, clock);
  container.register(TOKENS.Access, { useValue: access });
  container.register(TOKENS.OutboxHandlers, { useValue: handlers });
  const engine = container.resolve(Engine);
  container.register(TOKENS.Engine, { useValue: engine });
  const outbox = container.resolve(OutboxDispatcher);
  const timers = container.resolve(TimerService);
  const incidents = container.resolve(IncidentService);
  const schedules = container.resolve(ScheduleService);
  const inbox = container.resolve(InboxService);
  container.register(TOKENS.Schedules, { useValue: schedules });
  container.register(TOKENS.Inbox, { useValue: inbox });
  container.register(TOKENS.OverdueDigestSource, { useValue: options.overdueDigestSource ?? findingsOverdueDigestSource(store.db) });
  engine.onAfterCommit(async (ids) => {
    await outbox.dispatch(ids);
  });

  // The core's own chains come first: plugins' chains may start them.
  if (!(await chains.hasSource(sha256(canonicalJson(findingChain)), CORE_OWNER))) {
    // The parser (and the YAML library under it) loads only when a chain changed.
    const { parseChainObject } = await import('../workflow/parseChainSource.js');
    await registerAll(store, chains, [parseChainObject(findingChain, 'core:finding')], clock.now(), CORE_OWNER);
  }
  engine.addProjection('finding', findingProjection);
  const findings = new FindingService(store, clock, engine, settings);
  const findingQueries = new FindingQueries(store.db, clock, engine);
  const serviceDeps: PluginServiceDeps = {
    store,
    clock,
    logger,
    chains,
    findings,
    findingQueries,
    readsChains: (id) => plugins.loaded.find((p) => p.id === id)?.definition.readsChains ?? [],
  };
  // A plugin's own services (acting as itself) are the same for every activity, report and handler: built once.
  const ownServices = new Map<string, PluginServices>();
  const pluginServices = (pluginId: string, actor?: ActorLike): PluginServices => {
    if (actor !== undefined) return createPluginServices(serviceDeps, pluginId, actor);
    let services = ownServices.get(pluginId);
    if (!services) ownServices.set(pluginId, (services = createPluginServices(serviceDeps, pluginId)));
    return services;
  };

  // A plugin behind on its schema fails the whole open, as the core's would: not disabled quietly.
  const outdated: unknown[] = [];
  await plugins.load(options.plugins ?? [], {
    log: (id) => pluginServices(id).log,
    reservedCommandGroups: options.reservedCommandGroups,
    timeoutMs: settings.pluginLoadTimeoutMs,
    migrate: (plugin) =>
      mode === 'existing'
        ? requireCurrentSchema(store, [pluginMigrationSet(plugin)]).catch((error: unknown) => {
            outdated.push(error);
            throw error;
          })
        : migratePlugin(store, plugin),
    registerChains: (plugin) => registerPluginChains(store, chains, plugin, clock.now()),
    config: (id) => options.pluginConfig?.[id] ?? {},
  });
  if (outdated.length > 0) {
    await store.close();
    throw outdated.length === 1 ? outdated[0] : new DubanError('DB_OUTDATED', outdated.map((e) => (e as Error).message).join('; '), { place: { file: store.target } });
  }
  for (const disabled of plugins.disabled) logger.warn({ plugin: disabled.source, code: disabled.code }, disabled.message);
  for (const [kind, handler] of coreOutboxHandlers({ engine, plugins, clock, services: pluginServices })) handlers.set(kind, handler);
  for (const [kind, handler] of findingOutboxHandlers(findings)) handlers.set(kind, handler);
  for (const [kind, handler] of pluginOutboxHandlers(plugins, pluginServices, clock)) handlers.set(kind, handler);
  // One object every delivery reads its config from, so a reload reaches the next one.
  const delivery: { -readonly [K in keyof DeliveryDeps]: DeliveryDeps[K] } = { store, clock, logger, config: options.notify ?? {} };
  for (const [kind, handler] of [notifyOutboxHandler(delivery), overdueDigestHandler(delivery, () => container.resolve<OverdueDigestSource>(TOKENS.OverdueDigestSource))]) handlers.set(kind, handler);

  return {
    container,
    store,
    clock,
    logger,
    settings,
    engine,
    instances: new InstanceStore(store.db),
    chains,
    access,
    plugins,
    timers,
    outbox,
    incidents,
    outboxHandlers: handlers,
    findings,
    findingQueries,
    org: new OrgDirectory(store.db),
    schedules,
    inbox,
    heartbeats: new Heartbeats(store.db, clock),
    anchors: new AnchorService(store, clock, logger, { ...defaultAnchorSettings(options.db), ...options.audit }),
    pluginServices,
    reconfigure: (live) => {
      delivery.config = live.notify ?? {};
      // The services hold this same object: a changed interval counts from the next pass.
      Object.assign(settings, { pollIntervalMs: DEFAULT_SETTINGS.pollIntervalMs, lateAfterMs: DEFAULT_SETTINGS.lateAfterMs, ...live.settings });
    },
    close: () => store.close(),
  };
}

/** A plugin's migrations as {@link migrationStatus} reads them. */
export function pluginMigrationSet(plugin: PluginDefinition): MigrationSet {
  return { owner: plugin.id, tableName: pluginMigrationTable(plugin.id), names: Object.keys(plugin.migrations ?? {}) };
}

async function migratePlugin(store: Store, plugin: PluginDefinition): Promise<void> {
  if (!plugin.migrations || Object.keys(plugin.migrations).length === 0) return;
  // The host keeps the history; each migration sees only the plugin's own tables.
  const scoped = Object.fromEntries(
    Object.entries(plugin.migrations).map(([name, m]) => [
      name,
      { up: (db: Kysely<any>) => m.up(scopedDb(db, plugin.id)), ...(m.down ? { down: (db: Kysely<any>) => m.down!(scopedDb(db, plugin.id)) } : {}) },
    ]),
  );
  try {
    await migrateToLatest(store, scoped, pluginMigrationTable(plugin.id));
  } catch (error) {
    const scope = findCause(error, 'PLUGIN_SCOPE');
    if (scope) throw new DubanError('PLUGIN_SCOPE', `a migration failed: ${scope.message}`, { cause: error, details: { plugin: plugin.id } });
    throw error;
  }
}

async function registerPluginChains(store: Store, chains: ChainRegistry, plugin: PluginDefinition, at: Date): Promise<void> {
  const parsed: ParsedChain[] = [];
  for (const ref of plugin.chains ?? []) {
    const file = ref instanceof URL || ref.startsWith('file:') ? fileURLToPath(ref) : ref;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      throw new DubanError('CHAIN_FILE_UNREADABLE', `cannot read chain file ${file}: ${(cause as Error).message}`, { place: { file }, cause });
    }
    // An unchanged file was parsed, validated and compiled when it was registered.
    if (await chains.hasSource(sha256(text), plugin.id)) continue;
    const { parseChainSource } = await import('../workflow/parseChainSource.js');
    parsed.push(parseChainSource(text, file));
  }
  await registerAll(store, chains, parsed, at, plugin.id);
}

/**
 * Registers chains, all or none. A concurrent first start of several processes may race
 * on the same insert; the loser finds the rows on its second try.
 */
async function registerAll(store: Store, chains: ChainRegistry, parsed: readonly ParsedChain[], at: Date, owner: string): Promise<void> {
  if (parsed.length === 0) return;
  for (let attempt = 0; ; attempt++) {
    try {
      await store.db.transaction().execute(async (trx) => {
        for (const chain of parsed) await chains.register(chain, at, trx, owner);
      });
      return;
    } catch (error) {
      if (attempt >= 1 || error instanceof DubanError) throw error;
    }
  }
}
