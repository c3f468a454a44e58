import { systemActor, type ActorLike } from '../actor/Actor.js';
import type { Clock } from '../clock/Clock.js';
import { DubanError } from '../errors/DubanError.js';
import type { FindingQueries } from '../findings/FindingQueries.js';
import type { FindingService } from '../findings/FindingService.js';
import type { InstanceRecord } from '../instances/InstanceRecord.js';
import { InstanceStore } from '../instances/InstanceStore.js';
import { OrgDirectory } from '../org/OrgDirectory.js';
import type { Logger } from '../runtime/Logger.js';
import type { Store } from '../store/Store.js';
import type { ChainRegistry } from '../workflow/ChainRegistry.js';
import type { PluginInstances, PluginLogger, PluginServices } from './PluginServices.js';
import { scopedDb } from './scope/scopedDb.js';

/** What the host gives {@link createPluginServices}. */
export interface PluginServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly chains: ChainRegistry;
  readonly findings: FindingService;
  readonly findingQueries: FindingQueries;
  /** The chain ids other owners registered that the plugin's manifest says it reads. */
  readonly readsChains: (pluginId: string) => readonly string[];
}

/**
 * The services of one plugin: its scoped database, the org, findings and instances
 * through their owners, its logger and the clock. Changes to findings are made as `actor`
 * (the person running a command), or as the plugin itself.
 */
export function createPluginServices(deps: PluginServiceDeps, pluginId: string, actor?: ActorLike): PluginServices {
  const acting = actor ?? systemActor(`plugin:${pluginId}`);
  const org = new OrgDirectory(deps.store.db);
  return {
    pluginId,
    db: scopedDb(deps.store.db, pluginId),
    org: {
      person: (id) => org.person(id),
      people: () => org.people(),
      names: (kind, ids) => org.names(kind, ids),
      departmentLine: (id) => org.departmentLine(id),
      departmentParents: () => org.departmentParents(),
    },
    findings: {
      query: (filter) => deps.findingQueries.list(filter),
      all: (filter) => deps.findingQueries.all(filter),
      count: (filter) => deps.findingQueries.count(filter),
      countByCategory: (filter) => deps.findingQueries.countByCategory(filter),
      read: (id) => deps.findingQueries.get(id),
      open: (input, options) => deps.findings.open(input, acting, options),
      addAction: async (id, action) => void (await deps.findings.plan(id, acting, action)),
      completeAction: async (id, actionId, note) => void (await deps.findings.actionDone(id, acting, actionId, note)),
    },
    instances: pluginInstances(deps, pluginId),
    log: pluginLogger(deps.logger, pluginId),
    clock: deps.clock,
  };
}

function pluginInstances(deps: PluginServiceDeps, pluginId: string): PluginInstances {
  const instances = new InstanceStore(deps.store.db);
  const readable = new Map<string, boolean>();
  const mayRead = async (chainId: string): Promise<boolean> => {
    let allowed = readable.get(chainId);
    if (allowed === undefined) {
      allowed = deps.readsChains(pluginId).includes(chainId) || (await deps.chains.owner(chainId)) === pluginId;
      readable.set(chainId, allowed);
    }
    return allowed;
  };
  const check = async (chainId: string): Promise<void> => {
    if (!(await mayRead(chainId))) {
      throw new DubanError('PLUGIN_SCOPE', `plugin ${pluginId} may not read instances of chain "${chainId}": it neither owns it nor lists it in readsChains`, {
        details: { plugin: pluginId, chain: chainId },
      });
    }
  };
  const keep = async (records: InstanceRecord[]): Promise<InstanceRecord[]> => {
    const out: InstanceRecord[] = [];
    for (const r of records) if (await mayRead(r.chainId)) out.push(r);
    return out;
  };
  return {
    ofChain: async (chainId, range) => (await check(chainId), instances.ofChain(chainId, range)),
    children: async (parentIds, chainId) => (await check(chainId), instances.children(parentIds, chainId)),
    byIds: async (ids) => keep(await instances.byIds(ids)),
  };
}

/** A logger whose lines name the plugin. */
export function pluginLogger(logger: Logger, pluginId: string): PluginLogger {
  const bound = logger.child?.({ plugin: pluginId });
  if (bound) return bound;
  return {
    info: (data, message) => logger.info({ plugin: pluginId, ...data }, message),
    warn: (data, message) => logger.warn({ plugin: pluginId, ...data }, message),
    error: (data, message) => logger.error({ plugin: pluginId, ...data }, message),
    debug: (data, message) => logger.debug({ plugin: pluginId, ...data }, message),
  };
}
