import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHospital } from '../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';
import { writeFootprint } from '../support/writeFootprint.js';

let duban: TestDuban;
beforeAll(async () => {
  duban = await startTestDuban('sqlite');
  await importHospital(duban);
});
afterAll(async () => duban?.dispose());

/** A finding of CT with one open action of tech1's. */
async function plannedFinding(title: string): Promise<string> {
  const id = await duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'duty.absent', severity: 'major', title, titleEn: title }, 'office1');
  await duban.findings.plan(id, 'head_ct', { text: '巡查表', owner: 'tech1', due: '2026-03-09' });
  return id;
}

/** The database as can() is given it, counting the statements it runs. */
function countingDb(): { db: TestDuban['store']['db']; statements: () => number } {
  let n = 0;
  const db = duban.store.db.withPlugin({
    transformQuery: (args) => args.node,
    // Every statement's result passes here, built or compiled ahead.
    transformResult: async (args) => (n++, args.result),
  });
  return { db, statements: () => n };
}

async function auditRows(): Promise<number> {
  return (await duban.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
}

describe('can() answers whether the event would be accepted now', () => {
  it('says a submission is not possible while an action is open, and yes once it is done', async () => {
    const id = await plannedFinding('submit early');
    const before = await writeFootprint(duban.store.db, id);
    const early = await duban.access.can('head_ct', { instanceId: id }, 'SUBMIT');
    expect(early).toMatchObject({ allowed: false, code: 'GUARD_REJECTED' });
    // Asking takes nothing and writes nothing, not even a refusal.
    expect(await writeFootprint(duban.store.db, id)).toEqual(before);
    // The engine, which has the last word, refuses it for the same reason, in the same words.
    await expect(duban.findings.submit(id, 'head_ct')).rejects.toMatchObject({ code: 'GUARD_REJECTED', message: (early as { reason: string }).reason });

    await duban.findings.actionDone(id, 'tech1', 'a1');
    expect(await duban.access.can('head_ct', { instanceId: id }, 'SUBMIT')).toEqual({ allowed: true });
    await duban.findings.submit(id, 'head_ct');
    expect((await duban.findingQueries.get(id)).status).toBe('awaiting_verification');
  });

  it('tells not allowed from not possible now: access is asked first', async () => {
    const id = await plannedFinding('who asks');
    // tech1 may never submit; that he also could not now is not his concern.
    expect(await duban.access.can('tech1', { instanceId: id }, 'SUBMIT')).toMatchObject({ allowed: false, code: 'NOT_ALLOWED' });
    // The office may not request an extension at all; the head may, until one waits.
    expect(await duban.access.can('office1', { instanceId: id }, 'REQUEST_EXTENSION')).toMatchObject({ allowed: false, code: 'NOT_ALLOWED' });
    expect(await duban.access.can('head_ct', { instanceId: id }, 'REQUEST_EXTENSION')).toEqual({ allowed: true });
    await duban.findings.requestExtension(id, 'head_ct', '2026-03-20', '设备到货延迟');
    expect(await duban.access.can('head_ct', { instanceId: id }, 'REQUEST_EXTENSION')).toMatchObject({ allowed: false, code: 'GUARD_REJECTED' });
  });

  it('judges a guard over the event’s data with the data given, and leaves it to the event without', async () => {
    const id = await plannedFinding('which action');
    const done = (data?: Record<string, unknown>) => duban.access.can('head_ct', { instanceId: id, ...(data ? { data } : {}) }, 'ACTION_DONE');
    expect(await done({ actionId: 'a1' })).toEqual({ allowed: true });
    expect(await done({ actionId: 'a9' })).toMatchObject({ allowed: false, code: 'GUARD_REJECTED' });
    expect(await done()).toEqual({ allowed: true });
    await duban.findings.actionDone(id, 'head_ct', 'a1');
    expect(await done({ actionId: 'a1' })).toMatchObject({ allowed: false, code: 'GUARD_REJECTED' });
  });

  it('reads what it read before the guards were judged: the instance and the org, once each, however many transitions the step has', async () => {
    const id = await plannedFinding('reads');
    // tech1 may not plan: both of PLAN's transitions are asked.
    for (const [actor, event] of [['head_ct', 'SUBMIT'], ['head_ct', 'PLAN'], ['tech1', 'PLAN'], ['head_ct', 'ACTION_DONE'], ['head_ct', 'ESCALATE']] as const) {
      const counting = countingDb();
      await duban.access.can(actor, { instanceId: id }, event, counting.db);
      // One read of the instance's row, one of the org's revision; the chain's machine is the registry's, compiled once.
      expect(counting.statements(), `${actor} ${event}`).toBe(2);
    }
  });

  it('leaves the engine authoritative: a refusal through require() of what is not possible now is not audited as a refusal', async () => {
    const id = await plannedFinding('require');
    const audit = await auditRows();
    await expect(duban.access.require('head_ct', { instanceId: id }, 'SUBMIT')).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    expect(await auditRows()).toBe(audit);
    await expect(duban.access.require('tech1', { instanceId: id }, 'SUBMIT')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await auditRows()).toBe(audit + 1);
  });
});
