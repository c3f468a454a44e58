import type { InstanceTable } from '../store/schema.js';
import type { ChainContext } from '../kernel/ChainTypes.js';
import type { CompiledChain } from '../kernel/compileChain.js';
import type { InstanceView } from '../runtime/InstanceView.js';

/** A row of the instances table. */
export type InstanceRow = InstanceTable;

/** Turns a stored row into the view readers get; `context` is the row's snapshot context when the caller has it parsed. */
export function toInstanceView(row: InstanceRow, chain: CompiledChain, context: ChainContext = (JSON.parse(row.snapshot) as { context: ChainContext }).context): InstanceView {
  const state = chain.spec.states[row.state];
  return {
    id: row.id,
    chainId: row.chain_id,
    chainVersion: Number(row.chain_version),
    chainTitle: chain.spec.title,
    state: row.state,
    stateTitle: state?.title ?? { 'zh-CN': row.state, en: row.state },
    status: row.status === 'done' ? 'done' : 'active',
    revision: Number(row.revision),
    assigneeRole: row.assignee_role,
    assigneePerson: row.assignee_person,
    departmentId: row.department_id,
    parentId: row.parent_id,
    task: state?.task ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    context,
  };
}
