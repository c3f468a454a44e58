import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../core/index.js';
import { DIALECTS } from '../../support/dialects.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { notifications, PEOPLE, seedOrg } from './support.js';

const START = '2026-03-02T01:00:00.000Z';

// A meeting of its own (no finding): it tracks, verifies and re-checks its actions itself.
const input = { department: 'CT', subject: 'ct-zhang', reason: '值班不在岗 / absent from the CT duty post' };

const minutes = {
  heldAt: '2026-03-03T16:00:00+08:00',
  place: 'CT室会议室',
  chair: PEOPLE.headCT,
  attendees: [PEOPLE.headCT, 'ct-zhang', 'ct-liu'],
  statements: [{ person: 'ct-zhang', kind: 'self-criticism', text: '本人值班期间擅自离岗，深刻检讨。' }],
  rootCause: '交接班制度执行不严，夜班无人督查',
  decisions: ['全科室警示教育', '今后半年加强夜间查岗'],
};

const actions = [
  { id: 'A1', action: '修订交接班制度', owner: PEOPLE.headCT, due: '2026-03-10' },
  { id: 'A2', action: '全科警示教育', owner: 'ct-liu', due: '2026-03-12' },
];

async function startMeeting(duban: TestDuban, extra: Record<string, unknown> = {}) {
  return duban.engine.start('corrective-meeting', { ...input, ...extra }, PEOPLE.office);
}

/** Runs a started meeting to the tracking step (minutes, then the two actions). */
async function toTracking(duban: TestDuban, id: string) {
  await duban.engine.send(id, { type: 'SUBMIT', data: minutes }, PEOPLE.headCT);
  return duban.engine.send(id, { type: 'SUBMIT', data: { actions } }, PEOPLE.headCT);
}

/** Marks every open action done and reports, then returns the instance in verification. */
async function finishActions(duban: TestDuban, id: string, ids: readonly string[]) {
  for (const actionId of ids) {
    await duban.engine.send(id, { type: 'ACTION_DONE', data: { actionId, evidence: `佐证 ${actionId}` } }, PEOPLE.headCT);
  }
  return duban.engine.send(id, { type: 'REPORT' }, PEOPLE.headCT);
}

describe.each(DIALECTS)('corrective-meeting chain on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  it('runs end to end: minutes, actions, reopen of an action, verification, not effective, effective', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const started = await startMeeting(duban);
    expect(started.state).toBe('meeting');
    expect(started.assigneeRole).toBe('head');
    // Without meetingDue the meeting is due three days after the start.
    expect(await duban.timers.pendingFor(started.id)).toMatchObject([{ key: 'meeting.sla', dueAt: '2026-03-05T01:00:00.000Z' }]);
    expect(await notifications(duban, started.id)).toEqual([
      {
        to: { role: 'head', department: 'CT' },
        message: { 'zh-CN': '请按期召开整改专题会议并记录纪要', en: 'A corrective meeting is due: hold it and record the minutes' },
      },
    ]);

    const planned = await toTracking(duban, started.id);
    expect(planned.to).toBe('tracking');
    expect(planned.instance.context.data.minutes).toMatchObject({ rootCause: minutes.rootCause, statements: minutes.statements });
    expect(planned.instance.context.data.actions).toEqual(actions.map((a) => ({ ...a, status: 'open' })));
    expect(await duban.timers.pendingFor(started.id)).toMatchObject([{ key: 'tracking.sla', dueAt: '2026-04-01T01:00:00.000Z' }]);

    await duban.engine.send(started.id, { type: 'ACTION_DONE', data: { actionId: 'A1', evidence: '新制度已印发' } }, PEOPLE.headCT);
    // One action is still open: the report is refused.
    await expect(duban.engine.send(started.id, { type: 'REPORT' }, PEOPLE.headCT)).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    const reported = await finishActions(duban, started.id, ['A2']);
    expect(reported.to).toBe('verification');

    // The office rejects A2: back to tracking with A2 open again, A1 still done.
    const rejected = await duban.engine.send(
      started.id,
      { type: 'REOPEN_ACTION', data: { actionId: 'A2', note: '缺少签到表' } },
      PEOPLE.office,
    );
    expect(rejected.to).toBe('tracking');
    expect(rejected.instance.context.data.actions).toMatchObject([
      { id: 'A1', status: 'done' },
      { id: 'A2', status: 'open' },
    ]);
    expect(await duban.timers.pendingFor(started.id)).toMatchObject([{ key: 'tracking.sla' }]);
    expect((await finishActions(duban, started.id, ['A2'])).to).toBe('verification');

    const verified = await duban.engine.send(started.id, { type: 'SUBMIT', data: { note: '现场核实，措施落实' } }, PEOPLE.office);
    expect(verified.to).toBe('effectiveness');
    expect(await duban.timers.pendingFor(started.id)).toMatchObject([{ key: 'effectiveness.check', dueAt: '2026-04-01T01:00:00.000Z' }]);

    // Thirty days on, the check falls due; the problem recurred: not effective.
    duban.manualClock.set('2026-04-01T01:00:00.000Z');
    expect((await duban.timers.fireDue()).fired).toBe(1);
    expect((await duban.engine.get(started.id)).state).toBe('effectiveness-check');
    const further = [{ id: 'B1', action: '夜班双人值守', owner: PEOPLE.headCT, due: '2026-04-15' }];
    const reopened = await duban.engine.send(
      started.id,
      { type: 'SUBMIT', data: { effective: false, note: '再次发现离岗', furtherActions: further } },
      PEOPLE.office,
    );
    expect(reopened.to).toBe('tracking');
    const data = reopened.instance.context.data;
    expect(data.reopenCount).toBe(1);
    expect(data.actions).toEqual([{ ...further[0], status: 'open' }]);
    expect(data.rounds).toMatchObject([{ actions: [{ id: 'A1', status: 'done' }, { id: 'A2', status: 'done' }], note: '再次发现离岗' }]);
    expect(await notifications(duban, started.id)).toContainEqual({
      to: { role: 'head', department: 'CT' },
      message: { 'zh-CN': '整改效果不佳，已重新打开整改跟踪', en: 'Corrective actions were not effective: tracking is reopened' },
    });

    // Second round: done, verified with a 7-day check, effective: closed.
    expect((await finishActions(duban, started.id, ['B1'])).to).toBe('verification');
    await duban.engine.send(started.id, { type: 'SUBMIT', data: { note: '复核通过', checkAfter: 'P7D' } }, PEOPLE.office);
    expect(await duban.timers.pendingFor(started.id)).toMatchObject([{ key: 'effectiveness.check', dueAt: '2026-04-08T01:00:00.000Z' }]);
    duban.manualClock.set('2026-04-08T01:00:00.000Z');
    await duban.timers.fireDue();
    const closed = await duban.engine.send(started.id, { type: 'SUBMIT', data: { effective: true, note: '三个月未再发生' } }, PEOPLE.office);
    expect(closed.to).toBe('closed');
    expect(closed.instance.status).toBe('done');
    expect(closed.instance.context.data.effectiveness).toMatchObject({ effective: true, by: PEOPLE.office });
    expect(closed.instance.context.data.log).toHaveLength(5);
    expect(await duban.timers.pendingFor(started.id)).toEqual([]);
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: true });
  });

  it('takes meetingDue as the deadline and tells the head and the office when the meeting is overdue', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const started = await startMeeting(duban, { meetingDue: '2026-03-03T09:00:00+08:00' });
    expect(await duban.timers.pendingFor(started.id)).toMatchObject([{ key: 'meeting.sla', dueAt: '2026-03-03T01:00:00.000Z' }]);

    duban.manualClock.set('2026-03-03T01:00:00.000Z');
    await duban.timers.fireDue();
    const overdue = await duban.engine.get(started.id);
    expect(overdue.state).toBe('meeting-overdue');
    expect(overdue.context.breaches).toEqual([{ state: 'meeting', at: '2026-03-03T01:00:00.000Z' }]);
    const overdueMessage = { 'zh-CN': '整改专题会议已逾期未召开', en: 'The corrective meeting is overdue' };
    const sent = await notifications(duban, started.id);
    expect(sent).toHaveLength(3);
    expect(sent).toEqual(
      expect.arrayContaining([
        { to: { role: 'head', department: 'CT' }, message: overdueMessage },
        { to: { role: 'office' }, message: overdueMessage },
      ]),
    );

    // The overdue meeting still takes its minutes.
    const recorded = await duban.engine.send(started.id, { type: 'SUBMIT', data: minutes }, PEOPLE.headCT);
    expect(recorded.to).toBe('planning');

    // A blank meetingDue (a form field left empty) is no deadline: the 3-day default holds.
    const blank = await startMeeting(duban, { meetingDue: '' });
    expect(await duban.timers.pendingFor(blank.id)).toMatchObject([{ key: 'meeting.sla', dueAt: '2026-03-06T01:00:00.000Z' }]);
  });

  it('moves tracking to overdue at trackingDue', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const started = await startMeeting(duban);
    await duban.engine.send(started.id, { type: 'SUBMIT', data: minutes }, PEOPLE.headCT);
    await duban.engine.send(started.id, { type: 'SUBMIT', data: { actions, trackingDue: '2026-03-12T18:00:00+08:00' } }, PEOPLE.headCT);
    expect(await duban.timers.pendingFor(started.id)).toMatchObject([{ key: 'tracking.sla', dueAt: '2026-03-12T10:00:00.000Z' }]);
    duban.manualClock.set('2026-03-12T10:00:00.000Z');
    await duban.timers.fireDue();
    expect((await duban.engine.get(started.id)).state).toBe('tracking-overdue');
    // Overdue actions are still marked done and reported the same way.
    expect((await finishActions(duban, started.id, ['A1', 'A2'])).to).toBe('verification');
  });

  it('lets only the office verify, reopen actions and check effectiveness; a head only for their own department', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const started = await startMeeting(duban);
    // The head of another department may not record CT's minutes.
    await expect(duban.engine.send(started.id, { type: 'SUBMIT', data: minutes }, PEOPLE.headUS)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
    await toTracking(duban, started.id);
    await expect(
      duban.engine.send(started.id, { type: 'ACTION_DONE', data: { actionId: 'A1', evidence: 'x' } }, PEOPLE.inspector),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await finishActions(duban, started.id, ['A1', 'A2']);

    for (const actor of [PEOPLE.headCT, PEOPLE.inspector]) {
      await expect(duban.engine.send(started.id, { type: 'SUBMIT', data: { note: '自己验证' } }, actor)).rejects.toMatchObject({
        code: 'NOT_ALLOWED',
      });
      await expect(
        duban.engine.send(started.id, { type: 'REOPEN_ACTION', data: { actionId: 'A1', note: 'x' } }, actor),
      ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    }
    const unchanged = await duban.engine.get(started.id);
    expect(unchanged.state).toBe('verification');
    const denied = await duban.store.db.selectFrom('audit_log').select('event').where('instance_id', '=', started.id).where('event', 'like', 'denied:%').execute();
    expect(denied).toHaveLength(6);

    await duban.engine.send(started.id, { type: 'SUBMIT', data: { note: '核实' } }, PEOPLE.office);
    duban.manualClock.set('2026-04-01T01:00:00.000Z');
    await duban.timers.fireDue();
    await expect(duban.engine.send(started.id, { type: 'SUBMIT', data: { effective: true, note: '有效' } }, PEOPLE.headCT)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
  });

  it('refuses bad forms with FORM_INVALID naming the field path, and writes nothing', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const started = await startMeeting(duban);
    const send = (type: string, data: Record<string, unknown>, actor: string = PEOPLE.headCT) =>
      duban.engine.send(started.id, { type, data }, actor);
    const invalid = (path: string) => ({ code: 'FORM_INVALID', place: { path } });

    await expect(send('SUBMIT', { ...minutes, rootCause: '' })).rejects.toMatchObject(invalid('data.rootCause'));
    await expect(send('SUBMIT', { ...minutes, statements: [{ person: 'ct-zhao', kind: 'self-criticism', text: '检讨' }] })).rejects.toMatchObject(
      invalid('data.statements.0.person'),
    );
    await expect(send('SUBMIT', { ...minutes, statements: [{ person: 'ct-zhang', kind: 'apology', text: '检讨' }] })).rejects.toMatchObject(
      invalid('data.statements.0.kind'),
    );
    expect((await duban.engine.get(started.id)).revision).toBe(1);
    await send('SUBMIT', minutes);

    await expect(send('SUBMIT', { actions: [actions[0], { ...actions[1], due: '12/03/2026' }] })).rejects.toMatchObject(invalid('data.actions.1.due'));
    await expect(send('SUBMIT', { actions: [actions[0], { ...actions[1], id: 'A1' }] })).rejects.toMatchObject(invalid('data.actions.1.id'));
    await expect(send('SUBMIT', { actions, trackingDue: '2026-03-11T18:00:00+08:00' })).rejects.toMatchObject(invalid('data.actions.1.due'));
    await expect(send('SUBMIT', { actions: [] })).rejects.toMatchObject(invalid('data.actions'));
    await send('SUBMIT', { actions });

    await expect(send('ACTION_DONE', { actionId: 'A9', evidence: 'x' })).rejects.toMatchObject(invalid('data.actionId'));
    await expect(send('ACTION_DONE', { actionId: 'A1' })).rejects.toMatchObject(invalid('data.evidence'));
    await finishActions(duban, started.id, ['A1', 'A2']);

    await expect(send('SUBMIT', { note: '核实', checkAfter: 'thirty days' }, PEOPLE.office)).rejects.toMatchObject(invalid('data.checkAfter'));
    // A blank checkAfter keeps the 30-day default.
    await send('SUBMIT', { note: '核实', checkAfter: '' }, PEOPLE.office);
    expect(await duban.timers.pendingFor(started.id)).toMatchObject([{ key: 'effectiveness.check', dueAt: '2026-04-01T01:00:00.000Z' }]);
    duban.manualClock.set('2026-04-01T01:00:00.000Z');
    await duban.timers.fireDue();
    await expect(send('SUBMIT', { effective: false, note: '无效' }, PEOPLE.office)).rejects.toMatchObject(invalid('data.furtherActions'));
    await expect(
      send('SUBMIT', { effective: true, note: '有效', furtherActions: [{ id: 'B1', action: 'x', owner: PEOPLE.headCT, due: '2026-05-01' }] }, PEOPLE.office),
    ).rejects.toMatchObject(invalid('data.furtherActions'));
    expect((await duban.engine.get(started.id)).state).toBe('effectiveness-check');
  });

  it('refuses a start without the required input', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    await expect(duban.engine.start('corrective-meeting', { department: 'CT', subject: 'x' }, PEOPLE.office)).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      place: { path: 'input.reason' },
    });
    // Started by hand, without a finding: findingId is optional.
    const started = await duban.engine.start('corrective-meeting', { department: 'CT', subject: 'CT', reason: '月评价排名末位' }, PEOPLE.office);
    expect(started.state).toBe('meeting');
  });
});
