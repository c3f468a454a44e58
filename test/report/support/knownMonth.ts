import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importOrg } from '../../../core/index.js';
import { registerCsv, runCommand, testRegister, writeCsv } from '../../plugins/tb-lab/tbLabHarness.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';

/** The org of the report tests: MT > CT, US; QC; TB > CL-01, CL-02; staff by id. */
export const REPORT_ORG = fileURLToPath(new URL('../fixtures/reportHospital.yaml', import.meta.url));

/** When the report is read: after the month, so states are read at its end (2026-03-31T16:00Z, midnight in Shanghai). */
export const REPORT_NOW = '2026-04-02T01:00:00.000Z';

/** What the test needs to know of the month it built. */
export interface KnownMonth {
  readonly duban: TestDuban;
  /** Findings opened by hand, by their name in the scenario. */
  readonly findings: Readonly<Record<'F0' | 'F1' | 'F2' | 'F3' | 'F4' | 'F5' | 'F6', string>>;
  /** Slides rechecked per quarter (each lab's round) and the yearly LQAS sample they come from. */
  readonly sampleSize: number;
  readonly yearlySample: number;
}

const ok = { present: true, handoverComplete: true, workLogFiled: true };

/**
 * Builds March 2026 (Asia/Shanghai) through the engine with a manual clock: findings by
 * hand in every state, three discipline checks, a duty-post inspection with an absence, its
 * corrective meeting and re-inspection, a slide QC round in each of two county labs (one
 * fails on a high false negative), cohort outcomes, and training sessions in February,
 * March and April. Timers are never fired, so nothing escalates but what the scenario does.
 * The test files state each figure it yields, with the arithmetic.
 */
export async function buildKnownMonth(dialect: 'sqlite' | 'postgres'): Promise<KnownMonth> {
  const duban = await startTestDuban(dialect, { start: '2026-02-10T01:00:00.000Z', org: false });
  const at = (iso: string) => duban.manualClock.set(iso);
  await importOrg(duban.store, readFileSync(REPORT_ORG, 'utf8'), REPORT_ORG, 'system:test', duban.clock.now());
  const open = (department: string, severity: 'minor' | 'major' | 'critical', title: string, extra: { escalateNow?: boolean } = {}) =>
    duban.findings.open({ department, subject: department, subjectKind: 'department', category: 'spot-check.report-test', severity, title, titleEn: title, ...extra }, 'office1');
  const closeFinding = async (id: string) => {
    await duban.findings.plan(id, 'office1', { text: '整改', owner: 'head_ct', due: '2026-04-30' });
    await duban.findings.actionDone(id, 'office1', 'a1');
    await duban.findings.submit(id, 'office1');
    await duban.findings.close(id, 'office1', '已核实');
  };

  // February: training D (held, both passed) and F0, which is still open at the end of March.
  const trainingD = await startTraining(duban, { topic: '岗前培训', kind: 'pre-job', audience: ['US'], plannedDate: '2026-02-10', yearlyTarget: 20 });
  await duban.engine.send(trainingD, { type: 'SUBMIT', data: { heldOn: '2026-02-10', expected: ['us1', 'us2'], present: ['us1', 'us2'] } }, 'office1');
  await duban.engine.send(trainingD, { type: 'SUBMIT', data: { scores: [{ person: 'us1', score: 80 }, { person: 'us2', score: 85 }] } }, 'office1');
  at('2026-02-20T02:00:00.000Z');
  const F0 = await open('CT', 'minor', 'F0 二月问题');

  at('2026-03-02T01:00:00.000Z');
  const F1 = await open('CT', 'major', 'F1');
  await duban.findings.ack(F1, 'office1');
  await disciplineCheck(duban, 'CT', ['tech1', 'tech2', 'tech3', 'tech4', 'tech5'], ['on_time', 'late', 'on_time', 'on_leave', 'away_from_post']);

  at('2026-03-03T01:00:00.000Z');
  const F2 = await open('CT', 'minor', 'F2');

  at('2026-03-04T01:00:00.000Z');
  await closeFinding(F1);

  at('2026-03-05T01:00:00.000Z');
  await duban.findings.escalate(F2, 'office1', '久拖不改');
  const F4 = await open('US', 'minor', 'F4');

  at('2026-03-06T13:00:00.000Z');
  await duban.findings.ack(F4, 'office1');
  await closeFinding(F4);

  at('2026-03-09T01:00:00.000Z');
  await disciplineCheck(duban, 'US', ['us1', 'us2', 'us3', 'us4'], ['on_time', 'on_time', 'on_time', 'left_early'], 0.75);

  at('2026-03-10T01:00:00.000Z');
  const F3 = await open('US', 'critical', 'F3', { escalateNow: true });
  const trainingA = await startTraining(duban, { topic: 'CT 操作规范', kind: 'technical', audience: ['CT'], plannedDate: '2026-03-10', yearlyTarget: 20 });
  await duban.engine.send(trainingA, { type: 'SUBMIT', data: { heldOn: '2026-03-10', expected: ['tech1', 'tech2', 'tech3', 'tech4'], present: ['tech1', 'tech2', 'tech3'] } }, 'office1');
  await duban.engine.send(trainingA, { type: 'SUBMIT', data: { scores: [{ person: 'tech1', score: 90 }, { person: 'tech2', score: 50 }, { person: 'tech3', score: 70 }] } }, 'office1');

  at('2026-03-11T01:00:00.000Z');
  const trainingB = await startTraining(duban, { topic: '依法执业', kind: 'law-and-regulation', audience: ['US'], plannedDate: '2026-03-20' });
  await duban.engine.send(trainingB, { type: 'CANCEL', data: { reason: '讲师出差' } }, 'office1');
  at('2026-03-11T02:00:00.000Z');
  await startTraining(duban, { topic: '四月培训', kind: 'technical', audience: ['CT'], plannedDate: '2026-04-15', yearlyTarget: 20 });

  at('2026-03-12T15:00:00.000Z');
  const inspection = await duban.engine.start('duty-post-inspection', { department: 'CT', posts: [{ post: 'CT-night', person: 'tech1' }, { post: 'CT-eve', person: 'tech3' }] }, 'insp1');
  await duban.engine.send(
    inspection.id,
    { type: 'SUBMIT', data: { posts: [{ post: 'CT-night', present: false, handoverComplete: false, workLogFiled: true }, { post: 'CT-eve', present: true, handoverComplete: true, workLogFiled: false }] } },
    'insp1',
  );

  at('2026-03-13T01:00:00.000Z');
  await closeFinding(F2);

  at('2026-03-14T01:00:00.000Z');
  const absence = await duban.store.db.selectFrom('findings').select('id').where('category', '=', 'duty-post.absent').executeTakeFirstOrThrow();
  const meeting = await duban.store.db.selectFrom('instances').select('id').where('parent_id', '=', absence.id).where('chain_id', '=', 'corrective-meeting').executeTakeFirstOrThrow();
  await duban.engine.send(
    meeting.id,
    {
      type: 'SUBMIT',
      data: {
        heldAt: '2026-03-14T09:00:00+08:00',
        attendees: ['head_ct', 'tech1'],
        statements: [{ person: 'tech1', kind: 'self-criticism', text: '值班期间离岗，深刻检讨。' }],
        rootCause: '夜班无人督查',
        decisions: ['今后半年加强夜间查岗'],
      },
    },
    'head_ct',
  );

  at('2026-03-15T15:00:00.000Z');
  await duban.engine.send(inspection.id, { type: 'SUBMIT', data: { posts: [{ post: 'CT-night', ...ok }] } }, 'insp1');

  at('2026-03-16T01:00:00.000Z');
  await disciplineCheck(duban, 'CT', ['tech1', 'tech2', 'tech3'], ['on_time', 'on_time', 'on_time']);

  at('2026-03-17T01:00:00.000Z');
  const cl01 = await slideQcRound(duban, 'CL-01', false);
  const cl02 = await slideQcRound(duban, 'CL-02', true);

  at('2026-03-18T01:00:00.000Z');
  await duban.engine.send(
    trainingA,
    { type: 'SUBMIT', data: { results: [{ person: 'tech2', attended: true, score: 55 }, { person: 'tech4', attended: true, score: 80 }] } },
    'office1',
  );

  at('2026-03-19T01:00:00.000Z');
  await runCommand(duban, 'tb cohort', { department: 'CL-01', cohort: '2025-Q1', registered: '20', converted: '18', cured: '17' });
  await runCommand(duban, 'tb cohort', { department: 'CL-02', cohort: '2025-Q1', registered: '10', converted: '8' });

  at('2026-03-20T01:00:00.000Z');
  await duban.findings.reopen(F4, 'office1', '复查仍存在');

  at('2026-03-25T01:00:00.000Z');
  const F5 = await open('CT', 'major', 'F5');
  await duban.findings.ack(F5, 'office1');
  await duban.findings.plan(F5, 'office1', { text: '整改', owner: 'head_ct', due: '2026-04-30' });
  await duban.findings.actionDone(F5, 'office1', 'a1');
  await duban.findings.submit(F5, 'office1');

  at('2026-04-01T01:00:00.000Z');
  const F6 = await open('CT', 'minor', 'F6 四月问题');

  at(REPORT_NOW);
  if (cl01.sampleSize !== cl02.sampleSize || cl01.yearlySample !== cl02.yearlySample) throw new Error('both labs were given the same register and plan');
  return { duban, findings: { F0, F1, F2, F3, F4, F5, F6 }, sampleSize: cl01.sampleSize, yearlySample: cl01.yearlySample };
}

async function startTraining(duban: TestDuban, plan: Record<string, unknown>): Promise<string> {
  const started = await duban.engine.start('training-session', { department: 'QC' }, 'office1');
  await duban.engine.send(started.id, { type: 'SUBMIT', data: { trainer: '王老师', ...plan } }, 'office1');
  return started.id;
}

async function disciplineCheck(duban: TestDuban, department: string, roster: string[], statuses: string[], target?: number): Promise<void> {
  const started = await duban.engine.start('discipline-check', { department, roster, ...(target === undefined ? {} : { target }) }, 'office1');
  await duban.engine.send(started.id, { type: 'SUBMIT', data: { records: roster.map((person, i) => ({ person, status: statuses[i] })) } }, 'insp1');
}

/**
 * One quarter's round of a county lab on the tb-lab tests' register (40 slides, every
 * fifth 3+). The controller agrees with the lab on every slide (reading 3+ as 2+, which is
 * correct) and scores specimen and staining good on each, thickness poor on the first.
 * With `hfn`, the first selected negative is read 2+ and the umpire confirms it: one HFN,
 * and the lab fails.
 */
async function slideQcRound(duban: TestDuban, lab: string, hfn: boolean): Promise<{ sampleSize: number; yearlySample: number }> {
  const register = testRegister();
  const result = new Map(register.map((s) => [s.slide, s.result]));
  const imported = await runCommand(duban, 'tb import', { department: lab, quarter: '2026-Q1', input: writeCsv('register.csv', registerCsv(register)) });
  const started = await duban.engine.start('sputum-slide-qc', { department: lab, quarter: '2026-Q1' }, 'office1');
  await duban.engine.send(started.id, { type: 'SUBMIT', data: { register: imported.register, annualNegatives: 200, positivity: 0.1 } }, 'office1');
  const sampled = await duban.engine.get(started.id);
  const selected: string[] = (await runCommand(duban, 'tb slides', { round: started.id }, 'ctrl1')).slides.map((s: { slide: string }) => s.slide);
  const wrong = hfn ? selected.find((s) => result.get(s) === 'NEG') : undefined;
  const readings = selected.map((slide, i) => ({
    slide,
    grade: slide === wrong ? '2+' : result.get(slide) === '3+' ? '2+' : 'NEG',
    ...(hfn ? {} : { specimen: 'good', staining: 'good', ...(i === 0 ? { thickness: 'poor' } : {}) }),
  }));
  await duban.engine.send(started.id, { type: 'SUBMIT', data: { readings } }, 'ctrl1');
  if (wrong) await duban.engine.send(started.id, { type: 'SUBMIT', data: { readings: [{ slide: wrong, grade: '2+' }] } }, 'ump1');
  const done = await duban.engine.get(started.id);
  const expected = hfn ? 'followUp' : 'passed';
  if (done.state !== expected) throw new Error(`round of ${lab} is in ${done.state}, not ${expected}`);
  return { sampleSize: Number(sampled.context.data.sampleSize), yearlySample: Number(sampled.context.data.annualSampleSize) };
}
