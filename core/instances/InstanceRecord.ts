/**
 * An instance as read for reports and plugins: its place in the chain and its context,
 * parsed from the stored snapshot by the table's owner ({@link InstanceRows}), never by
 * the reader.
 */
export interface InstanceRecord {
  readonly id: string;
  readonly chainId: string;
  readonly chainVersion: number;
  readonly state: string;
  readonly status: string;
  readonly department: string | null;
  readonly parentId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The chain input (`$context.input`). */
  readonly input: Readonly<Record<string, unknown>>;
  /** The data recorded so far (`$context.data`). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** Which instances of a chain: created in `[from, to)`, of `departments` (null: any). */
export interface InstanceRange {
  readonly from?: string;
  readonly to?: string;
  readonly departments?: readonly string[] | null;
}
