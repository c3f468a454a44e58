/** What one accepted event (or other state change) writes to the audit log. */
export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly instanceId: string | null;
  /** `chainId@version`, or null for changes outside a chain (org import, incidents). */
  readonly chain: string | null;
  readonly event: string;
  readonly stateBefore: string | null;
  readonly stateAfter: string | null;
  readonly data: unknown;
  /** The logged-in person who acted on `actor`'s behalf, when it is another person. */
  readonly by?: string;
}

/** A stored audit row. */
export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly instance_id: string | null;
  readonly chain: string | null;
  readonly event: string;
  readonly state_before: string | null;
  readonly state_after: string | null;
  readonly data: string;
  readonly prev_hash: string;
  readonly hash: string;
  readonly by_person?: string | null;
}
