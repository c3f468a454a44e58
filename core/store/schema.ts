

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
  spec: string;
  registered_at: string;
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
}

