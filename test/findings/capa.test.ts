import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { importHospital } from '../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(DIALECTS)('corrective and preventive action on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  /** What `duban serve` does in one pass. */
  const tick = async () => {
    await duban.timers.fireDue();
    await duban.outbox.runDue();
  };
  const late = () =>
    duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'major', title: '迟到' }, 'insp1');
  const audited = async (id: string) => (await duban.findingQueries.get(id)).timeline.map((t) => `${t.event} ${t.actor}`);

  it('records a root cause, plans corrective and preventive actions, and the due date follows the latest action', async () => {
    // Monday 2026-03-02 09:00 in Shanghai; a major finding is due in 3 days.
    duban = await startTestDuban(dialect, { start: '2026-03-02T01:00:00.000Z' });
    await importHospital(duban);
    const id = await late();
    await duban.findings.rootCause(id, 'head_ct', { category: 'management', text: '排班交接无人核对' });
    await duban.findings.plan(id, 'head_ct', { text: '集中交班', owner: 'tech1', due: '2026-03-10' });
    await duban.findings.plan(id, 'head_ct', { text: '每周抽查考勤', owner: 'head_ct', due: '2026-03-12', kind: 'preventive' });
    const f = await duban.findingQueries.get(id);
    expect(f.rootCause).toMatchObject({ category: 'management', text: '排班交接无人核对', by: 'head_ct' });
    expect(f.actions.map((a) => [a.id, a.kind, a.owner, a.due, a.status])).toEqual([
      ['a1', 'corrective', 'tech1', '2026-03-10', 'open'],
      ['a2', 'preventive', 'head_ct', '2026-03-12', 'open'],
    ]);
    // The end of the 12th in Shanghai.
    expect(f.dueAt).toBe('2026-03-12T15:59:59.999Z');

    // The 5th: the severity's due date has passed, the plan's has not: no escalation, no flag.
    duban.manualClock.advance(3 * DAY + HOUR);
    await tick();
    const fifth = await duban.findingQueries.get(id);
    expect([fifth.level, fifth.flagged, fifth.overdue, fifth.status]).toEqual([1, false, false, 'action_planned']);
  });

  it('the action’s owner marks their own action done; another person of the department may not', async () => {
    duban = await startTestDuban(dialect);
    await importHospital(duban);
    const id = await late();
    await duban.findings.plan(id, 'head_ct', { text: '集中交班', owner: 'tech1', due: '2026-03-10' });
    await duban.findings.plan(id, 'head_ct', { text: '每周抽查', owner: 'head_ct', due: '2026-03-10' });
    await expect(duban.findings.actionDone(id, 'tech1', 'a2')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await duban.findings.actionDone(id, 'tech1', 'a1', '已交班');
    const f = await duban.findingQueries.get(id);
    expect(f.actions.map((a) => [a.id, a.status, a.doneBy])).toEqual([
      ['a1', 'done', 'tech1'],
      ['a2', 'open', undefined],
    ]);
    expect(await audited(id)).toEqual(expect.arrayContaining(['ACTION_DONE tech1', 'denied:ACTION_DONE tech1']));
  });

  it('the head asks for an extension: refused once, granted once, each audited; the granted date is fixed', async () => {
    duban = await startTestDuban(dialect, { start: '2026-03-02T01:00:00.000Z' });
    await importHospital(duban);
    const id = await late();
    await duban.findings.plan(id, 'head_ct', { text: '集中交班', owner: 'tech1', due: '2026-03-10' });
    await duban.findings.requestExtension(id, 'head_ct', '2026-03-20', '设备检修，交班室停用');
    // One request waits at a time.
    await expect(duban.findings.requestExtension(id, 'head_ct', '2026-03-21', '再议')).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    await expect(duban.findings.grantExtension(id, 'head_ct')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await duban.findings.refuseExtension(id, 'office1', '检修可另找交班地点');
    expect((await duban.findingQueries.get(id)).dueAt).toBe('2026-03-10T15:59:59.999Z');
    await expect(duban.findings.grantExtension(id, 'office1')).rejects.toMatchObject({ code: 'GUARD_REJECTED' });

    await duban.findings.requestExtension(id, 'head_ct', '2026-03-15', '人员培训排期');
    await duban.findings.grantExtension(id, 'office1', '同意');
    // A later action no longer moves a granted due date.
    await duban.findings.plan(id, 'head_ct', { text: '补充培训', owner: 'tech1', due: '2026-03-18' });
    const f = await duban.findingQueries.get(id);
    expect(f.dueAt).toBe('2026-03-15T15:59:59.999Z');
    expect(f.extensions.map((e) => [e.id, e.until, e.status, e.decidedBy ?? null])).toEqual([
      ['e1', '2026-03-20', 'refused', 'office1'],
      ['e2', '2026-03-15', 'granted', 'office1'],
    ]);
    expect(await audited(id)).toEqual(
      expect.arrayContaining(['REQUEST_EXTENSION head_ct', 'REFUSE_EXTENSION office1', 'GRANT_EXTENSION office1', 'denied:GRANT_EXTENSION head_ct']),
    );
  });

  it('closing clears the flag, --flagged lists active findings only, and escalating at the top says so and changes nothing', async () => {
    duban = await startTestDuban(dialect, { start: '2026-03-02T01:00:00.000Z' });
    await importHospital(duban);
    const id = await late();
    await duban.findings.escalate(id, 'office1', '多次迟到');
    await duban.findings.escalate(id, 'office1', '仍未整改');
    const top = await duban.findingQueries.get(id);
    expect(top.level).toBe(3);
    await expect(duban.findings.escalate(id, 'office1', '再升级')).rejects.toMatchObject({ code: 'ALREADY_TOP_LEVEL' });
    const after = await duban.findingQueries.get(id);
    expect([after.revision, after.level, after.flagged]).toEqual([top.revision, 3, false]);

    duban.manualClock.advance(3 * DAY + HOUR);
    await tick();
    expect((await duban.findingQueries.get(id)).flagged).toBe(true);
    expect((await duban.findingQueries.list({ flagged: true })).map((f) => f.id)).toEqual([id]);
    await duban.findings.plan(id, 'head_ct', { text: '集中交班', owner: 'head_ct', due: '2026-03-06' });
    await duban.findings.actionDone(id, 'head_ct', 'a1');
    await duban.findings.submit(id, 'head_ct');
    await duban.findings.close(id, 'office1', '核实已整改');
    expect((await duban.findingQueries.get(id)).flagged).toBe(false);
    expect(await duban.findingQueries.list({ flagged: true })).toEqual([]);
  });

  it('a critical finding escalated at once and again when overdue has one corrective meeting, whose agreed actions are the finding’s', async () => {
    duban = await startTestDuban(dialect, { start: '2026-03-02T14:00:00.000Z' });
    await importHospital(duban);
    const id = await duban.findings.open(
      { department: 'CT', subject: 'CT-night', subjectKind: 'post', category: 'duty-post.absent', severity: 'critical', title: '值班不在岗', escalateNow: true },
      'insp1',
    );
    await tick();
    duban.manualClock.advance(3 * DAY);
    await tick();
    const f = await duban.findingQueries.get(id);
    expect(f.escalations.filter((e) => e.to !== undefined).length).toBeGreaterThanOrEqual(1);
    expect(f.level).toBe(3);
    const meetings = (await duban.engine.list({ chainId: 'corrective-meeting' })).filter((m) => m.context.input.findingId === id);
    expect(meetings).toHaveLength(1);

    const meeting = meetings[0]!.id;
    const minutes = {
      heldAt: duban.clock.now().toISOString(),
      attendees: ['head_ct', 'tech1'],
      statements: [{ person: 'tech1', kind: 'self-criticism', text: '擅自离岗，深刻检讨' }],
      rootCause: '夜班无人核查在岗',
      decisions: ['全科教育，半年内加强督查'],
    };
    await duban.engine.send(meeting, { type: 'SUBMIT', data: minutes }, 'head_ct');
    const actions = [
      { id: 'A1', action: '夜班双人值守', owner: 'head_ct', due: '2026-03-20' },
      { id: 'A2', action: '离岗报备制度', owner: 'tech1', due: '2026-03-25' },
    ];
    await duban.engine.send(meeting, { type: 'SUBMIT', data: { actions } }, 'head_ct');
    await tick();
    const after = await duban.findingQueries.get(id);
    expect(after.actions.map((a) => [a.text, a.owner, a.due, a.agreedIn])).toEqual([
      ['夜班双人值守', 'head_ct', '2026-03-20', meeting],
      ['离岗报备制度', 'tech1', '2026-03-25', meeting],
    ]);
    expect((await duban.engine.get(meeting)).state).toBe('handed-over');
    // A retried row adopts nothing twice.
    await duban.findings.adoptActions(id, meeting, actions);
    expect((await duban.findingQueries.get(id)).actions).toHaveLength(2);
  });
});
