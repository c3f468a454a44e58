import type { Duban } from '../../../core/container/createDuban.js';
import type { Person } from '../../../core/org/OrgDirectory.js';
import type { InstanceView } from '../../../core/runtime/InstanceView.js';
import type { FieldSpec } from '../../../core/kernel/formFields.js';
import type { TaskItem } from './TuiData.js';

const TASK_LIMIT = 200;

/**
 * The tasks waiting for a person: active instances assigned to them by name or to one of
 * their roles, whose step names a task type with a form, and which the core's `can()`
 * lets them submit (so a `head` task only from their own department, and no task of a
 * round that judges the person's own laboratory). Findings are left out: they have their
 * own screen.
 *
 * What a task shows of its instance is only the chain input the chain declares, each
 * with its label. A blinded task (slide rechecking) therefore shows what its chain put in
 * the input and nothing the chain kept elsewhere: the console never digs into
 * `context.data` for the person filling the form.
 */
export async function readTasks(duban: Duban, person: Person | undefined, actor: string): Promise<TaskItem[]> {
  const seen = new Map<string, InstanceView>();
  for (const view of await duban.engine.list({ status: 'active', assigneePerson: actor, limit: TASK_LIMIT })) seen.set(view.id, view);
  for (const role of person?.roles ?? []) {
    for (const view of await duban.engine.list({ status: 'active', assigneeRole: role, limit: TASK_LIMIT })) seen.set(view.id, view);
  }
  const tasks: TaskItem[] = [];
  for (const view of seen.values()) {
    if (!view.task || view.chainId === 'finding') continue;
    const type = duban.plugins.taskType(view.task);
    const form = duban.plugins.form(view.task);
    if (!(await duban.access.can(actor, { instanceId: view.id }, form?.submitEvent ?? 'SUBMIT')).allowed) continue;
    const chain = await duban.chains.get(view.chainId, view.chainVersion);
    const inputSpec = (chain.spec.input ?? {}) as Readonly<Record<string, FieldSpec>>;
    tasks.push({
      instanceId: view.id,
      chainId: view.chainId,
      chainTitle: view.chainTitle,
      stepTitle: view.stateTitle,
      task: view.task,
      taskTitle: type?.title ?? { 'zh-CN': view.task, en: view.task },
      departmentId: view.departmentId,
      since: view.updatedAt,
      revision: view.revision,
      context: Object.entries(inputSpec)
        .filter(([key]) => view.context.input[key] !== undefined)
        .map(([key, spec]) => ({ label: spec.label, value: showValue(view.context.input[key]) })),
      form: form?.form ?? null,
      submitEvent: form?.submitEvent ?? 'SUBMIT',
    });
  }
  return tasks.sort((a, b) => a.since.localeCompare(b.since));
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  return JSON.stringify(value);
}
