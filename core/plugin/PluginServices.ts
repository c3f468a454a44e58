import type { Kysely } from 'kysely';
import type { AccessDecision } from '../access/AccessDecision.js';
import type { AccessTarget } from '../access/AccessTarget.js';
import type { Clock } from '../clock/Clock.js';
import type { CorrectiveAction, FindingDetail, FindingSummary } from '../findings/Finding.js';
import type { CategoryCount, FindingFilter } from '../findings/FindingQueries.js';
import type { OpenFindingInput, PlanInput } from '../findings/FindingService.js';
import type { InstanceRange, InstanceRecord } from '../instances/InstanceRecord.js';
import type { OrgDirectory } from '../org/OrgDirectory.js';

/** The org, read-only: people, departments, posts and their names. */
export type PluginOrg = Pick<OrgDirectory, 'person' | 'people' | 'names' | 'departmentLine' | 'departmentParents'>;

/**
 * The findings a plugin may work with: query and read them, open one, and add or complete
 * a finding's corrective actions (a corrective meeting's agreed actions become the
 * finding's). Changes go through the finding chain's rules like anyone's: as the person
 * running a command, or as the plugin (`system:plugin:<id>`) in activities and reports.
 */
export interface PluginFindings {
  /** A page of findings, newest opened first (default 500). */
  query(filter?: FindingFilter): Promise<FindingSummary[]>;
  /** Every finding that matches, oldest opened first. */
  all(filter?: FindingFilter): Promise<FindingSummary[]>;
  count(filter?: FindingFilter): Promise<number>;
  countByCategory(filter?: FindingFilter): Promise<CategoryCount[]>;
  read(id: string): Promise<FindingDetail>;
  /** Opens a finding; with `id`, idempotently (a second open of the same id returns it). */
  open(input: OpenFindingInput, options?: { readonly id?: string }): Promise<string>;
  addAction(findingId: string, action: PlanInput): Promise<void>;
  completeAction(findingId: string, actionId: CorrectiveAction['id'], note?: string): Promise<void>;
}

/**
 * Instances of the plugin's own chains, and of the chains its manifest lists in
 * `readsChains`: their step and context, never the stored snapshot. Asking for another
 * chain is refused with `PLUGIN_SCOPE`; records of other chains are left out.
 */
export interface PluginInstances {
  ofChain(chainId: string, range?: InstanceRange): Promise<InstanceRecord[]>;
  children(parentIds: readonly string[], chainId: string): Promise<InstanceRecord[]>;
  byIds(ids: readonly string[]): Promise<InstanceRecord[]>;
}

/** A structured logger (a pino child bound to the plugin's id in `duban serve`). */
export interface PluginLogger {
  info(data: Record<string, unknown>, message?: string): void;
  warn(data: Record<string, unknown>, message?: string): void;
  error(data: Record<string, unknown>, message?: string): void;
  debug(data: Record<string, unknown>, message?: string): void;
}

/**
 * The services every plugin context carries, the way Backstage hands a plugin service
 * refs: nothing else of the host is reachable.
 */
export interface PluginServices<DB = any> {
  /** The plugin's id. */
  readonly pluginId: string;
  /**
   * The plugin's own tables only (`<id with - as _>_*`): a query naming any other table
   * is refused with `PLUGIN_SCOPE` before it runs.
   */
  readonly db: Kysely<DB>;
  readonly org: PluginOrg;
  readonly findings: PluginFindings;
  readonly instances: PluginInstances;
  readonly log: PluginLogger;
  readonly clock: Clock;
}

/** The core's `can()` bound to the acting person: what command contexts add. */
export interface PluginAccess {
  /** May the acting person send `event` to the target (`start` a chain)? */
  readonly can: (target: AccessTarget, event?: string) => Promise<AccessDecision>;
  /** Like {@link can}, but a refusal is audited and thrown (`NOT_ALLOWED`, `UNKNOWN_PERSON`). */
  readonly require: (target: AccessTarget, event?: string) => Promise<void>;
}
