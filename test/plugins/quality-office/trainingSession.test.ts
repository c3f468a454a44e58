import { afterEach, describe, expect, it } from 'vitest';
import { trainingFigures } from '../../../plugins/quality-office/lib/trainingFigures.js';
import type { TrainingSessionResult } from '../../../plugins/quality-office/lib/trainingSession.js';
import { DIALECTS } from '../../support/dialects.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { days, notifications, PEOPLE, seedOrg } from './support.js';

const START = '2026-03-02T01:00:00.000Z';

const plan = {
  topic: '依法执业与医疗核心制度',
  kind: 'law-and-regulation',
  trainer: '王律师',
  audience: ['CT', 'US'],
  plannedDate: '2026-03-10',
  yearlyTarget: 120,
};

const roster = ['ct-a', 'ct-b', 'ct-c', 'us-d', 'us-e'];

async function startTraining(duban: TestDuban) {
  const started = await duban.engine.start('training-session', { department: 'QC' }, PEOPLE.office);
  await duban.engine.send(started.id, { type: 'SUBMIT', data: plan }, PEOPLE.office);
  return started.id;
}

describe.each(DIALECTS)('training-session chain on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  it('runs the make-up path: notice, sign-in, scores, make-up list, make-up results, archive', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const id = await startTraining(duban);
    expect((await duban.engine.get(id)).state).toBe('noticed');
    // The notice: one notification to the head of each audience department.
    const notice = { 'zh-CN': '培训通知：请按计划组织本科室人员参加培训', en: "Training notice: send your department's staff to the planned session" };
    const sent = await notifications(duban, id);
    expect(sent).toHaveLength(2);
    expect(sent).toEqual(
      expect.arrayContaining([
        { to: { role: 'head', department: 'CT' }, message: notice },
        { to: { role: 'head', department: 'US' }, message: notice },
      ]),
    );

    await duban.engine.send(id, { type: 'SUBMIT', data: { heldOn: '2026-03-10', expected: roster, present: ['ct-a', 'ct-b', 'ct-c', 'us-d'] } }, PEOPLE.office);
    const scored = await duban.engine.send(
      id,
      {
        type: 'SUBMIT',
        data: {
          scores: [
            { person: 'ct-a', score: 92 },
            { person: 'ct-b', score: 59.5 },
            { person: 'ct-c', score: 60 },
          ],
        },
      },
      PEOPLE.office,
    );
    expect(scored.to).toBe('computing');
    // The activity ran after the commit and its result moved the instance on.
    const makeUp = await duban.engine.get(id);
    expect(makeUp.state).toBe('make-up');
    expect(makeUp.context.data.makeUp).toEqual([
      { person: 'ct-b', reason: 'failed', score: 59.5 },
      { person: 'us-d', reason: 'not-assessed' },
      { person: 'us-e', reason: 'absent' },
    ]);
    expect(await duban.timers.pendingFor(id)).toMatchObject([{ key: 'make-up.sla', dueAt: '2026-04-01T01:00:00.000Z' }]);
    expect(await notifications(duban, id)).toHaveLength(4);

    duban.manualClock.advance(days(7));
    await duban.engine.send(
      id,
      {
        type: 'SUBMIT',
        data: {
          results: [
            { person: 'ct-b', attended: true, score: 75 },
            { person: 'us-d', attended: true, score: 50 },
            { person: 'us-e', attended: false, note: '病假' },
          ],
        },
      },
      PEOPLE.office,
    );
    const archived = await duban.engine.get(id);
    expect(archived.state).toBe('archived');
    expect(archived.status).toBe('done');
    const record = archived.context.data.record as TrainingSessionResult;
    expect(record).toEqual({
      topic: plan.topic,
      kind: 'law-and-regulation',
      plannedDate: '2026-03-10',
      status: 'held',
      heldOn: '2026-03-10',
      expected: roster,
      present: ['ct-a', 'ct-b', 'ct-c', 'us-d'],
      scores: [
        { person: 'ct-a', score: 92 },
        { person: 'ct-b', score: 59.5 },
        { person: 'ct-c', score: 60 },
      ],
      passMark: 60,
      makeUp: [
        { person: 'ct-b', reason: 'failed', score: 59.5, attended: true, makeUpScore: 75, passed: true },
        { person: 'us-d', reason: 'not-assessed', attended: true, makeUpScore: 50, passed: false },
        { person: 'us-e', reason: 'absent', attended: false, passed: false },
      ],
      yearlyTarget: 120,
    });
    // The archived record is what the figures read: 4 of 5 present, 2 of 3 assessed
    // passed (59.5 fails, 60 passes), 3 trained (ct-a, ct-c, and ct-b at the make-up).
    expect(trainingFigures([record])).toEqual({
      sessionsHeld: { numerator: 1, denominator: 1, rate: 1 },
      attendance: { numerator: 4, denominator: 5, rate: 0.8 },
      passRate: { numerator: 2, denominator: 3, rate: 2 / 3 },
      peopleTrained: { numerator: 3, denominator: 120, rate: 3 / 120 },
      personTimesTrained: 3,
    });
  });

  it('archives at once when everyone came and passed: a department head runs their own session, with its own pass mark', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const started = await duban.engine.start('training-session', { department: 'CT' }, PEOPLE.headCT);
    const send = (data: Record<string, unknown>) => duban.engine.send(started.id, { type: 'SUBMIT', data }, PEOPLE.headCT);
    await send({ ...plan, kind: 'procedure-workshop', passMark: 80, audience: ['CT'] });
    await send({ heldOn: '2026-03-11', expected: ['ct-a', 'ct-b'], present: ['ct-a', 'ct-b'] });
    await send({ scores: [{ person: 'ct-a', score: 80 }, { person: 'ct-b', score: 95 }] });
    const done = await duban.engine.get(started.id);
    expect(done.state).toBe('archived');
    expect(done.context.data.makeUp).toEqual([]);
    expect(done.context.data.record).toMatchObject({ passMark: 80, makeUp: [], kind: 'procedure-workshop' });
    expect(await duban.timers.pendingFor(started.id)).toEqual([]);
  });

  it('can be cancelled after the notice, with a reason', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const id = await startTraining(duban);
    await expect(duban.engine.send(id, { type: 'CANCEL' }, PEOPLE.office)).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    const cancelled = await duban.engine.send(id, { type: 'CANCEL', data: { reason: '授课人出差' } }, PEOPLE.office);
    expect(cancelled.to).toBe('cancelled');
    expect(cancelled.instance.status).toBe('done');
  });

  it('lets only the office and the organising department\'s head run the session', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const started = await duban.engine.start('training-session', { department: 'CT' }, PEOPLE.office);
    for (const actor of [PEOPLE.inspector, PEOPLE.headUS]) {
      await expect(duban.engine.send(started.id, { type: 'SUBMIT', data: plan }, actor)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    }
    expect((await duban.engine.get(started.id)).state).toBe('planning');
    expect((await duban.engine.send(started.id, { type: 'SUBMIT', data: plan }, PEOPLE.headCT)).to).toBe('noticed');
  });

  it('refuses bad forms with FORM_INVALID naming the field path', async () => {
    duban = await startTestDuban(dialect, { start: START, org: false });
    await seedOrg(duban);
    const started = await duban.engine.start('training-session', { department: 'QC' }, PEOPLE.office);
    const send = (data: Record<string, unknown>) => duban.engine.send(started.id, { type: 'SUBMIT', data }, PEOPLE.office);
    const invalid = (path: string) => ({ code: 'FORM_INVALID', place: { path } });

    await expect(send({ ...plan, kind: 'sports' })).rejects.toMatchObject(invalid('data.kind'));
    await expect(send({ ...plan, audience: [] })).rejects.toMatchObject(invalid('data.audience'));
    await expect(send({ ...plan, audience: ['CT', 'US', 'CT'] })).rejects.toMatchObject(invalid('data.audience.2'));
    await expect(send({ ...plan, plannedDate: '2026-3-10' })).rejects.toMatchObject(invalid('data.plannedDate'));
    await expect(send({ ...plan, passMark: 101 })).rejects.toMatchObject(invalid('data.passMark'));
    await send(plan);

    await expect(send({ heldOn: '2026-03-10', expected: roster, present: ['ct-a', 'ct-z'] })).rejects.toMatchObject(invalid('data.present.1'));
    await expect(send({ heldOn: '2026-03-10', expected: roster, present: ['ct-a', 'ct-a'] })).rejects.toMatchObject(invalid('data.present.1'));
    await expect(send({ heldOn: '2026-03-10', expected: roster })).rejects.toMatchObject(invalid('data.present'));
    await send({ heldOn: '2026-03-10', expected: roster, present: ['ct-a', 'ct-b'] });

    await expect(send({ scores: [{ person: 'ct-a', score: 120 }] })).rejects.toMatchObject(invalid('data.scores.0.score'));
    await expect(send({ scores: [{ person: 'ct-a', score: 80 }, { person: 'us-e', score: 80 }] })).rejects.toMatchObject(
      invalid('data.scores.1.person'),
    );
    await send({ scores: [{ person: 'ct-a', score: 80 }, { person: 'ct-b', score: 30 }] });
    expect((await duban.engine.get(started.id)).state).toBe('make-up');

    // Every make-up task needs exactly one result; attending means a score.
    await expect(send({ results: [{ person: 'ct-b', attended: true, score: 70 }] })).rejects.toMatchObject(invalid('data.results'));
    await expect(
      send({
        results: [
          { person: 'ct-b', attended: true },
          { person: 'ct-c', attended: false },
          { person: 'us-d', attended: false },
          { person: 'us-e', attended: false },
        ],
      }),
    ).rejects.toMatchObject(invalid('data.results.0.score'));
    await expect(
      send({
        results: [
          { person: 'ct-a', attended: false },
          { person: 'ct-b', attended: false },
          { person: 'ct-c', attended: false },
          { person: 'us-d', attended: false },
          { person: 'us-e', attended: false },
        ],
      }),
    ).rejects.toMatchObject(invalid('data.results.0.person'));
    expect((await duban.engine.get(started.id)).state).toBe('make-up');
  });
});
