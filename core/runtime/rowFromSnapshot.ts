import type { AnyMachineSnapshot } from 'xstate';
import type { InstanceRow } from '../instances/toInstanceView.js';
import type { ChainContext } from '../kernel/ChainTypes.js';
import type { CompiledChain } from '../kernel/compileChain.js';
import { resolveValue } from '../kernel/refs.js';

/** The columns of an instance row that come from elsewhere than its snapshot. */
export interface RowBase {
  readonly id: string;
  readonly revision: number;
  readonly created_by: string;
  readonly created_at: string;
  readonly parent_id: string | null;
}

/**
 * The instances row for a machine snapshot of `chain`: its step, status, the serialised
 * snapshot, and who it is assigned to as the step names them (the assignee person
 * resolved against the context). `updated_at` is `created_at` until the caller sets it.
 */
export function rowFromSnapshot(chain: CompiledChain, snapshot: AnyMachineSnapshot, base: RowBase): InstanceRow {
  const state = String(snapshot.value);
  const context = snapshot.context as ChainContext;
  const assignee = chain.spec.states[state]?.assignee;
  const person = assignee?.person === undefined ? null : resolveValue(assignee.person, { context, event: {} });
  const department = context.input.department;
  return {
    id: base.id,
    chain_id: chain.spec.id,
    chain_version: chain.spec.version,
    state,
    status: snapshot.status === 'done' ? 'done' : 'active',
    snapshot: JSON.stringify({ value: snapshot.value, context }),
    revision: base.revision,
    assignee_role: assignee?.role ?? null,
    assignee_person: typeof person === 'string' ? person : null,
    department_id: typeof department === 'string' ? department : null,
    parent_id: base.parent_id,
    created_by: base.created_by,
    created_at: base.created_at,
    updated_at: base.created_at,
  };
}
