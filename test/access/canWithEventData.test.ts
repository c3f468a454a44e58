import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHospital } from '../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

let duban: TestDuban;
let id: string;
beforeAll(async () => {
  duban = await startTestDuban('sqlite');
  await importHospital(duban);
  id = await duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'duty.absent', severity: 'major', title: '值班不在岗', titleEn: 'Not at the post' }, 'office1');
  await duban.findings.plan(id, 'head_ct', { text: '巡查表', owner: 'tech1', due: '2026-03-09' });
  await duban.findings.plan(id, 'head_ct', { text: '培训', owner: 'head_ct', due: '2026-03-10' });
});
afterAll(async () => duban?.dispose());

describe('can() asked with the event’s data', () => {
  it('lets an action’s owner mark that action done, not another one', async () => {
    expect((await duban.access.can('tech1', { instanceId: id, data: { actionId: 'a1' } }, 'ACTION_DONE')).allowed).toBe(true);
    expect((await duban.access.can('tech1', { instanceId: id, data: { actionId: 'a2' } }, 'ACTION_DONE')).allowed).toBe(false);
    // The head may mark either, data or not.
    expect((await duban.access.can('head_ct', { instanceId: id, data: { actionId: 'a1' } }, 'ACTION_DONE')).allowed).toBe(true);
    expect((await duban.access.can('head_ct', { instanceId: id }, 'ACTION_DONE')).allowed).toBe(true);
  });
});
