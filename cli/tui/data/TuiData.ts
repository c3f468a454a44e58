import type { AccessDecision } from '../../../core/access/AccessDecision.js';
import type { DepartmentCount } from '../../../core/findings/FindingQueries.js';
import type { FindingSummary } from '../../../core/findings/Finding.js';
import type { WordedFinding } from '../../../core/findings/findingWords.js';
import type { Localized } from '../../../core/i18n/Localized.js';
import type { Person } from '../../../core/org/OrgDirectory.js';
import type { ServiceAlerts } from '../../../core/health/readServiceAlerts.js';
import type { Incident } from '../../../core/runtime/IncidentService.js';
import type { FieldProblem, FormSpec } from '../../../core/kernel/formFields.js';
import type { QueryFilter } from '../filter/parseFilterQuery.js';
import type { FindingAction, FindingDecisions } from '../model/findingPermissions.js';
import type { DashboardData } from './DashboardData.js';
import type { PageRequest } from './FindingPager.js';

/** A department of the org, with its parent (for the department line of `head`). */
export interface Department {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly parentId: string | null;
}

export type { DepartmentCount } from '../../../core/findings/FindingQueries.js';

/** A task waiting for the current person: a step of a chain with a form to fill. */
export interface TaskItem {
  readonly instanceId: string;
  readonly chainId: string;
  readonly chainTitle: Localized;
  readonly stepTitle: Localized;
  readonly task: string;
  readonly taskTitle: Localized;
  readonly departmentId: string | null;
  readonly since: string;
  readonly revision: number;
  /** The chain input fields the chain declares, labelled: what the instance holds for the person filling the form. */
  readonly context: readonly { readonly label: Localized; readonly value: string }[];
  readonly form: FormSpec | null;
  readonly submitEvent: string;
}

/**
 * What a finding action was given: its text (a reason, a note, an evidence file's path),
 * a person (assign), or a planned action's parts, or the action to mark done.
 */
export interface ActionInput {
  readonly text?: string;
  readonly person?: string;
  readonly owner?: string;
  /** A planned action's due date, YYYY-MM-DD. */
  readonly due?: string;
  /** A planned action's kind: corrective or preventive. */
  readonly kind?: string;
  /** A root cause's category. */
  readonly category?: string;
  readonly actionId?: string;
}

/** A chain the current person may start (its latest version), with its input form. */
export interface StartableChain {
  readonly id: string;
  readonly version: number;
  readonly title: Localized;
  readonly input: FormSpec;
}

/** What the core's `can()` answers the current person for the office's actions outside a finding. */
export interface OfficeRights {
  /** Opening a finding by hand: starting the finding chain. */
  readonly openFinding: AccessDecision;
  /** Pausing and resuming schedules. */
  readonly changeSchedules: AccessDecision;
  /** The chains he may start, the finding chain left out (findings are opened through FindingService). */
  readonly chains: readonly StartableChain[];
}

/** A schedule as the schedules screen lists it. */
export interface ScheduleItem {
  readonly id: string;
  readonly name: Localized;
  readonly cron: string;
  readonly status: 'active' | 'paused';
  readonly nextAt: string | null;
  readonly lastFiredAt: string | null;
}

/** An outbox row that failed for good (a notification or plugin activity). */
export interface FailedDelivery {
  readonly id: string;
  readonly kind: string;
  readonly instanceId: string | null;
  readonly error: string | null;
  readonly at: string;
}

/**
 * Everything the console reads and does, in one port. The real one wraps a `Duban`
 * handle ({@link createTuiData}); components never touch the engine directly, so the
 * same screens run on SQLite, on PostgreSQL and in tests.
 */
export interface TuiData {
  /** The person the console acts as. */
  readonly actor: string;
  me(): Promise<Person | undefined>;
  people(): Promise<Person[]>;
  departments(): Promise<Department[]>;
  countFindings(filter: QueryFilter): Promise<number>;
  /** One page of findings, in list order (newest first). */
  listFindings(filter: QueryFilter, page: PageRequest): Promise<FindingSummary[]>;
  /** The ids of up to `limit` findings of a filter, in list order (for "mark all shown"). */
  findingIds(filter: QueryFilter, limit: number): Promise<string[]>;
  /** A finding with its category, subject and recorded data in words. */
  finding(id: string): Promise<WordedFinding>;
  departmentCounts(): Promise<DepartmentCount[]>;
  /** Changes whenever anything visible may have changed, in this process or another. Cheap. */
  changeMarker(): Promise<string>;
  /**
   * What the core's `can()` answers the current person for each finding action's event;
   * ACTION_DONE is asked for each open action (its owner may mark it), under
   * `ACTION_DONE:<action id>`, and counts as allowed when any is.
   */
  decisions(id: string): Promise<FindingDecisions>;
  /** Of `ids`, those on which the core's `can()` lets the current person send `event` (a bulk action keeps only these). */
  allowedAmong(ids: readonly string[], event: string): Promise<string[]>;
  /** Takes a finding action through FindingService, as the current person. */
  act(action: FindingAction, id: string, input: ActionInput): Promise<void>;
  tasks(): Promise<TaskItem[]>;
  /**
   * A synchronous checker of a task's form data (the form's own rules and the task
   * type's, against the instance as it is now), so a form can validate as one types.
   */
  taskValidator(task: TaskItem): Promise<(data: Record<string, unknown>) => FieldProblem[]>;
  submitTask(task: TaskItem, data: Record<string, unknown>): Promise<void>;
  dashboard(): Promise<DashboardData>;
  incidents(): Promise<Incident[]>;
  retryIncident(id: string): Promise<void>;
  /** What `can()` answers the current person for opening findings, starting chains and changing schedules. */
  officeRights(): Promise<OfficeRights>;
  /** Opens a finding through FindingService (as `duban findings open`); the new finding's id. */
  openFinding(input: Record<string, unknown>): Promise<string>;
  /** Starts an instance of a chain through the engine (as `duban run <chain> --input`); its id. */
  startChain(chain: StartableChain, input: Record<string, unknown>): Promise<string>;
  /** Pauses (or resumes) a schedule through ScheduleService, which checks the rule and audits a refusal. */
  setSchedulePaused(id: string, paused: boolean): Promise<void>;
  /** Schedules, or null when this database has no schedules yet. */
  schedules(): Promise<ScheduleItem[] | null>;
  failedDeliveries(): Promise<FailedDelivery[]>;
  /** Silent `serve` workers and open incidents, for the status line. Cheap: polled every second. */
  serviceAlerts(): Promise<ServiceAlerts>;
}
