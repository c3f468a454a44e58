import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importOrg, isDubanError } from '../../core/index.js';
import { isCalendarDate, isZonedDateTime, validateForm } from '../../core/kernel/formFields.js';
import { CHAINS_ORG } from '../chains/chainCli.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe('dates in forms', () => {
  it('a date is a real calendar day YYYY-MM-DD; a date-time carries its zone', () => {
    for (const good of ['2026-12-10', '2028-02-29']) expect(isCalendarDate(good)).toBe(true);
    for (const bad of ['2026/12/10', '2030-02-31', '2027-02-29', '2026-13-01', '20261210', '2026-12-10T00:00Z']) expect(isCalendarDate(bad), bad).toBe(false);
    for (const good of ['2026-12-04T14:00+08:00', '2026-12-04T06:00:00.000Z', '2026-12-04T14:00:30+0800']) expect(isZonedDateTime(good), good).toBe(true);
    for (const bad of ['2026/12/04 14:00', '2026-12-04T14:00', '2026-12-04', '2026-02-30T10:00Z']) expect(isZonedDateTime(bad), bad).toBe(false);
  });

  it('a due date before today is DUE_IN_PAST; every problem of a form is listed', () => {
    const form = {
      due: { type: 'date', required: true, future: true, label: { 'zh-CN': '期限', en: 'Due' } },
      heldAt: { type: 'datetime', required: true, label: { 'zh-CN': '时间', en: 'Held' } },
      count: { type: 'integer', required: true, label: { 'zh-CN': '数', en: 'Count' } },
    } as const;
    const clock = { today: '2026-12-02', now: new Date('2026-12-02T10:00:00Z') };
    expect(validateForm(form, { due: '2026-12-01', heldAt: '2026/12/04 14:00', count: 1.5 }, '', clock)).toEqual([
      { path: 'due', message: expect.stringMatching(/before today/), code: 'DUE_IN_PAST' },
      { path: 'heldAt', message: 'expected an ISO 8601 date-time' },
      { path: 'count', message: 'expected a whole number' },
    ]);
    expect(validateForm(form, { due: '2026-12-02', heldAt: '2026-12-04T14:00+08:00', count: 1 }, '', clock)).toEqual([]);
  });
});

describe.each(DIALECTS)('references to the org, checked in the core, on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  async function withOrg(): Promise<TestDuban> {
    duban = await startTestDuban(dialect, { start: '2026-12-02T02:00:00.000Z' });
    await importOrg(duban.store, readFileSync(CHAINS_ORG, 'utf8'), CHAINS_ORG, 'test-setup', duban.clock.now());
    return duban;
  }
  const rows = async (table: 'audit_log' | 'instances' | 'findings') =>
    Number((await duban.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  /** Runs a bad call: it fails with `code` naming `path`, and writes nothing at all, not even an audit row. */
  async function refusedWithoutTrace(call: () => Promise<unknown>, code: string, path: string) {
    const before = await Promise.all([rows('audit_log'), rows('instances'), rows('findings')]);
    const error = await call().then(() => undefined, (e: unknown) => e);
    expect(isDubanError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ code, place: { path } });
    expect(await Promise.all([rows('audit_log'), rows('instances'), rows('findings')])).toEqual(before);
  }
  const finding = { department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'minor', title: '迟到' } as const;

  it('findings: an unknown department or subject, an unknown owner, a bad or past due date', async () => {
    await withOrg();
    await refusedWithoutTrace(() => duban.findings.open({ ...finding, department: 'NOPE' }, 'insp1'), 'UNKNOWN_DEPARTMENT', 'input.department');
    await refusedWithoutTrace(() => duban.findings.open({ ...finding, subject: 'ghost' }, 'insp1'), 'UNKNOWN_PERSON', 'input.subject');
    await refusedWithoutTrace(() => duban.findings.open({ ...finding, subject: 'NO-SUCH-POST', subjectKind: 'post' }, 'insp1'), 'UNKNOWN_POST', 'input.subject');
    const id = await duban.findings.open(finding, 'insp1');
    const plan = (owner: string, due: string) => () => duban.findings.plan(id, 'head_ct', { text: '集中交班', owner, due });
    await refusedWithoutTrace(plan('ghost', '2026-12-10'), 'UNKNOWN_PERSON', 'data.owner');
    await refusedWithoutTrace(plan('tech1', '2026/12/10'), 'FORM_INVALID', 'data.due');
    await refusedWithoutTrace(plan('tech1', '2030-02-31'), 'FORM_INVALID', 'data.due');
    await refusedWithoutTrace(plan('tech1', '2026-12-01'), 'DUE_IN_PAST', 'data.due');
    await refusedWithoutTrace(() => duban.findings.assign(id, 'office1', 'ghost'), 'UNKNOWN_PERSON', 'data.assignee');
    await expect(plan('tech1', '2026-12-02')()).resolves.toMatchObject({ to: 'action_planned' });
  });

  it('chain inputs: department, post and person of a duty-post inspection; schedules reminding nobody', async () => {
    await withOrg();
    const start = (input: Record<string, unknown>) => () => duban.engine.start('duty-post-inspection', input, 'insp1');
    await refusedWithoutTrace(start({ department: 'XX', posts: [{ post: 'CT-night' }] }), 'UNKNOWN_DEPARTMENT', 'input.department');
    await refusedWithoutTrace(start({ department: 'CT', posts: [{ post: 'CT-night' }, { post: 'NO-SUCH-POST' }] }), 'UNKNOWN_POST', 'input.posts.1.post');
    await refusedWithoutTrace(start({ department: 'CT', posts: [{ post: 'CT-night', person: 'ghost' }] }), 'UNKNOWN_PERSON', 'input.posts.0.person');
    const error = await start({ department: 'XX', posts: [{ post: 'NOPE', person: 'ghost' }] })().catch((e: unknown) => e);
    expect((error as { details: { problems: unknown[] } }).details.problems).toHaveLength(3);
    const reminder = { name: { 'zh-CN': '提醒', en: 'Reminder' }, cron: '0 9 * * 1', action: { kind: 'remind', to: { person: 'ghost' }, message: { 'zh-CN': '查岗', en: 'Inspect' } } } as const;
    await refusedWithoutTrace(() => duban.schedules.add(reminder as never, 'office1'), 'UNKNOWN_PERSON', 'action.to.person');
  });

  it('org import refuses department cycles and self-parents, naming the line, and writes nothing', async () => {
    await withOrg();
    const before = await duban.org.departmentParents();
    const cycle = ['departments:', '  - { id: A, parent: B, name: { zh-CN: 甲, en: A } }', '  - { id: B, parent: A, name: { zh-CN: 乙, en: B } }'].join('\n');
    await expect(importOrg(duban.store, cycle, 'cycle.yaml', 'office1', duban.clock.now())).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      place: { file: 'cycle.yaml', line: 2, path: 'departments.0.parent' },
      message: expect.stringMatching(/cycle: A -> B -> A/),
    });
    // A parent already in the database closes the loop too: QC under CT would put CT's head over... CT.
    const self = ['departments:', '  - { id: MT, parent: CT, name: { zh-CN: 医技科, en: Medical technology } }'].join('\n');
    await expect(importOrg(duban.store, self, 'self.yaml', 'office1', duban.clock.now())).rejects.toMatchObject({ code: 'INPUT_INVALID', place: { line: 2 } });
    const own = ['departments:', '  - { id: QC, parent: QC, name: { zh-CN: 质控办, en: Quality office } }'].join('\n');
    await expect(importOrg(duban.store, own, 'own.yaml', 'office1', duban.clock.now())).rejects.toMatchObject({ message: expect.stringMatching(/its own parent/) });
    expect(await duban.org.departmentParents()).toEqual(before);
  });
});
