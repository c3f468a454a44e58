import type { ColumnType } from 'kysely';


/**
 * The tables of duban's core, as Kysely sees them. Times are ISO 8601 text in UTC
 * (`toISOString()`: fixed width, so text order is time order on both dialects);
 * JSON is text; booleans are integers 0/1 (portable between SQLite and PostgreSQL).
 */
export interface ChainDefinitionTable {
  id: string;
  version: number;
  content_hash: string;
  source: string;
  /** SHA-256 of the file's text: an unchanged file is not parsed again at start-up. */
  source_sha256: string;
  spec: string;
  registered_at: string;
  /** `core` or the plugin id that registered the chain id first; nobody else may add versions. */
  owner: string | null;
}

export interface InstanceTable {
  id: string;
  chain_id: string;
  chain_version: number;
  state: string;
  status: string;
  snapshot: string;
  revision: number;
  assignee_role: string | null;
  assignee_person: string | null;
  department_id: string | null;
  parent_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  instance_id: string | null;
  chain: string | null;
  event: string;
  state_before: string | null;
  state_after: string | null;
  data: string;
  prev_hash: string;
  hash: string;
  /** The logged-in person who acted on `actor`'s behalf; null when the actor acted as themself. */
  by_person: string | null;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface TimerTable {
  id: string;
  instance_id: string;
  timer_key: string;
  event: string;
  due_at: string;
  status: string;
  late: number;
  created_at: string;
  fired_at: string | null;
}

export interface OutboxTable {
  id: string;
  instance_id: string | null;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  plugin_id: string | null;
  created_at: string;
  done_at: string | null;
}

export interface IncidentTable {
  id: string;
  instance_id: string | null;
  outbox_id: string;
  plugin_id: string | null;
  message: string;
  status: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  note: string | null;
}

export interface DepartmentTable {
  id: string;
  parent_id: string | null;
  name_zh: string;
  name_en: string;
}

export interface PersonTable {
  id: string;
  name_zh: string;
  name_en: string;
  title: string | null;
  department_id: string | null;
  roles: string;
  active: number;
  /** OS account names (and PostgreSQL roles) that log in as this person, comma-separated. */
  logins: ColumnType<string, string | undefined, string>;
}

export interface PostTable {
  id: string;
  department_id: string;
  name_zh: string;
  name_en: string;
}

export interface EscalationLevelTable {
  department_id: string;
  level: number;
  person_id: string | null;
  role: string | null;
}

export interface FindingTable {
  id: string;
  department_id: string;
  subject: string;
  subject_kind: string;
  category: string;
  severity: string;
  title_zh: string;
  title_en: string;
  status: string;
  assignee: string | null;
  level: number;
  due_at: string | null;
  flagged: number;
  open_actions: number;
  reopen_count: number;
  source_instance: string | null;
  opened_at: string;
  closed_at: string | null;
  escalated_at: string | null;
  updated_at: string;
  /** The root cause's category, once recorded (migration 008). */
  root_cause_category?: string | null;
}

/** One action of a finding (core/findings' projection). `due` is YYYY-MM-DD; instants ISO UTC. */
export interface FindingActionTable {
  finding_id: string;
  action_id: string;
  department_id: string;
  kind: string;
  owner: string;
  due: string;
  status: string;
  done_at: string | null;
  created_at: string;
}

/** One due-date extension request of a finding (core/findings' projection). */
export interface FindingExtensionTable {
  finding_id: string;
  extension_id: string;
  department_id: string;
  until: string;
  status: string;
  requested_at: string;
  decided_at: string | null;
}

/** A cron schedule (core/schedule). `action` is JSON; times are ISO text in UTC. */
export interface ScheduleTable {
  id: string;
  name_zh: string;
  name_en: string;
  cron: string;
  time_zone: string;
  action: string;
  window_from: string | null;
  window_to: string | null;
  seed: number;
  missed_policy: string;
  catch_up_cap: number;
  status: string;
  next_at: string | null;
  next_fire_at: string | null;
  last_fired_at: string | null;
  skipped_total: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One fired occurrence of a schedule; `id` is the schedule id + scheduled instant. */
export interface ScheduleRunTable {
  id: string;
  schedule_id: string;
  scheduled_at: string;
  fire_at: string;
  seed: number | null;
  late: number;
  claimed_at: string;
  /** `host:pid` of the process that claimed it. */
  claimed_by: string;
  outbox_id: string | null;
}

/** A message in a person's inbox; unique per (outbox row, person). */
export interface InboxTable {
  id: string;
  outbox_id: string;
  person_id: string;
  instance_id: string | null;
  schedule_id: string | null;
  message_zh: string;
  message_en: string;
  created_at: string;
  read_at: string | null;
}

/** One channel delivery of a notification, so a retried outbox row skips what was done. */
export interface NotificationDeliveryTable {
  outbox_id: string;
  channel: string;
  target: string;
  delivered_at: string;
  detail: string | null;
}

/** Every core table. Plugins keep their own tables and their own migration history. */
export interface DubanSchema {
  chain_definitions: ChainDefinitionTable;
  instances: InstanceTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  timers: TimerTable;
  outbox: OutboxTable;
  incidents: IncidentTable;
  departments: DepartmentTable;
  people: PersonTable;
  posts: PostTable;
  escalation_levels: EscalationLevelTable;
  findings: FindingTable;
  finding_actions: FindingActionTable;
  finding_extensions: FindingExtensionTable;
  schedules: ScheduleTable;
  schedule_runs: ScheduleRunTable;
  inbox: InboxTable;
  notification_deliveries: NotificationDeliveryTable;
}

