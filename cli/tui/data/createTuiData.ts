import { toActor, type ActorLike } from '../../../core/actor/Actor.js';
import type { Duban } from '../../../core/container/createDuban.js';
import { readServiceAlerts } from '../../../core/health/readServiceAlerts.js';
import type { AccessDecision } from '../../../core/access/AccessDecision.js';
import { findingWords } from '../../../core/findings/findingWords.js';
import { validateForm } from '../../../core/kernel/formFields.js';
import { ACTION_EVENTS } from '../model/findingPermissions.js';
import { officeData } from './officeData.js';
import { takeAction } from './takeAction.js';
import { changeMarker } from './changeMarker.js';
import { readDashboard } from './readDashboard.js';
import { readTasks } from './readTasks.js';
import type { Department, FailedDelivery, ScheduleItem, TuiData } from './TuiData.js';

/**
 * The console's port onto a running engine. Reads go to the read models a page at a
 * time; every action goes through FindingService or the engine as `actor`, so the
 * engine checks the role and writes the audit row exactly as for the CLI.
 */
export function createTuiData(duban: Duban, acting: ActorLike): TuiData {
  const self = toActor(acting);
  // The id for reads; the whole actor (with whoever acts on its behalf) for every action.
  const actor = self.id;
  const departments = async (): Promise<Department[]> => {
    const { list } = await duban.org.directory();
    return list.map((d) => ({ id: d.id, nameZh: d.name['zh-CN'], nameEn: d.name.en, parentId: d.parentId }));
  };
  return {
    actor,
    me: () => duban.org.person(actor),
    people: () => duban.org.people(),
    departments,
    countFindings: (filter) => duban.findingQueries.count(filter),
    listFindings: (filter, page) => duban.findingQueries.list({ ...filter, ...page }),
    findingIds: async (filter, limit) => (await duban.findingQueries.list({ ...filter, limit })).map((f) => f.id),
    finding: async (id) => {
      const finding = await duban.findingQueries.get(id);
      return { ...finding, words: await findingWords(finding, { org: duban.org, plugins: duban.plugins, timeZone: duban.settings.timeZone }) };
    },
    departmentCounts: () => duban.findingQueries.byDepartment(),
    changeMarker: () => changeMarker(duban, actor),
    decisions: async (id) => {
      const answers = new Map<string, AccessDecision>();
      const finding = await duban.findingQueries.get(id);
      // An answer to an extension is about the request that waits, as FindingService sends it.
      const waiting = { extensionId: finding.extensions.find((e) => e.status === 'requested')?.id };
      const dataOf = (event: string) => (event === 'GRANT_EXTENSION' || event === 'REFUSE_EXTENSION' ? { data: waiting } : {});
      for (const event of Object.values(ACTION_EVENTS)) {
        if (event !== 'ACTION_DONE') answers.set(event, await duban.access.can(self, { instanceId: id, ...dataOf(event) }, event));
      }
      // Marking done depends on which action and whose it is: asked for each open one, and
      // with none open, asked naming none (which the step's condition refuses).
      const open = finding.actions.filter((a) => a.status === 'open');
      const done: AccessDecision[] = [];
      for (const action of open) {
        const decision = await duban.access.can(self, { instanceId: id, data: { actionId: action.id } }, 'ACTION_DONE');
        answers.set(`ACTION_DONE:${action.id}`, decision);
        done.push(decision);
      }
      answers.set('ACTION_DONE', done.find((d) => d.allowed) ?? done[0] ?? (await duban.access.can(self, { instanceId: id, data: {} }, 'ACTION_DONE')));
      return answers;
    },
    allowedAmong: async (ids, event) => {
      const allowed: string[] = [];
      for (const id of ids) if ((await duban.access.can(self, { instanceId: id }, event)).allowed) allowed.push(id);
      return allowed;
    },
    act: async (action, id, input) => void (await takeAction(duban, self, action, id, input)),
    tasks: async () => readTasks(duban, await duban.org.person(actor), actor),
    taskValidator: async (task) => {
      const { context } = await duban.engine.get(task.instanceId);
      const scope = { input: context.input, data: context.data };
      return (data) => [...(task.form ? validateForm(task.form, data) : []), ...duban.plugins.validate(task.task, data, scope)];
    },
    submitTask: async (task, data) => {
      // The revision the form was opened at: a task someone else answered meanwhile is a conflict, not an overwrite.
      await duban.engine.send(task.instanceId, { type: task.submitEvent, data }, self, { expectedRevision: task.revision });
    },
    dashboard: () => readDashboard(duban, actor),
    incidents: () => duban.incidents.list('open'),
    retryIncident: async (id) => {
      await duban.incidents.retry(id, actor);
      await duban.outbox.runDue();
    },
    ...officeData(duban, self),
    schedules: () => readSchedules(duban),
    failedDeliveries: () => readFailedDeliveries(duban),
    serviceAlerts: () => readServiceAlerts(duban),
  };
}

async function readSchedules(duban: Duban): Promise<ScheduleItem[] | null> {
  try {
    const list = await duban.schedules.list();
    return list.map((s) => ({ id: s.id, name: s.name, cron: s.cron, status: s.status, nextAt: s.nextFireAt ?? s.nextAt, lastFiredAt: s.lastFiredAt }));
  } catch {
    // A database from before the schedules migration.
    return null;
  }
}

async function readFailedDeliveries(duban: Duban): Promise<FailedDelivery[]> {
  return duban.outbox.failed(50);
}
