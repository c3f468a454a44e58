import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError } from '../../../core/index.js';
import { DIALECTS } from '../../support/dialects.js';
import { importHospital } from '../../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { findingEffects } from './outboxFindings.js';

const ROSTER = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

describe.each(DIALECTS)('discipline-check chain on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  async function start(input: Record<string, unknown> = {}) {
    duban = await startTestDuban(dialect);
    await importHospital(duban);
    return duban.engine.start('discipline-check', { department: 'CT', roster: ROSTER, ...input }, 'office1');
  }

  it('scores punctuality, opens a finding per violation by kind, and one for a department below target', async () => {
    const started = await start();
    expect(started.state).toBe('recording');
    expect((await duban.timers.pendingFor(started.id)).map((t) => t.key)).toEqual(['recording.sla']);

    const sent = await duban.engine.send(
      started.id,
      {
        type: 'SUBMIT',
        data: {
          records: [
            { person: 'p1', status: 'on_time' },
            { person: 'p2', status: 'late', note: '08:20 到岗' },
            { person: 'p3', status: 'away_from_post' },
            { person: 'p4', status: 'on_leave' },
            { person: 'p5', status: 'left_early' },
            { person: 'p6', status: 'on_time' },
          ],
        },
      },
      'insp1',
    );
    // The scoring activity ran after the commit and its task.done moved the instance on.
    expect(sent.instance.state).toBe('belowTarget');
    expect(sent.instance.status).toBe('done');
    // 2 on time of (6 expected - 1 on leave) = 0.4, below 0.98.
    expect(sent.instance.context.data.punctuality).toMatchObject({ expected: 6, onLeave: 1, onTime: 2, denominator: 5, rate: 0.4, target: 0.98, belowTarget: true });

    const effects = await findingEffects(duban, started.id);
    expect(effects.map((e) => [e.subject, e.subjectKind, e.category, e.severity])).toEqual([
      ['CT', 'department', 'discipline.punctuality', 'minor'],
      ['p2', 'person', 'discipline.late', 'minor'],
      ['p3', 'person', 'discipline.away_from_post', 'major'],
      ['p5', 'person', 'discipline.left_early', 'minor'],
    ]);
    expect(effects.every((e) => e.department === 'CT')).toBe(true);
    expect(effects[1]!.title).toEqual({ 'zh-CN': '迟到：p2', en: 'Late for work: p2' });
    expect(effects[1]!.data).toMatchObject({ status: 'late', note: '08:20 到岗' });
    expect(effects[0]!.title).toEqual({ 'zh-CN': '准时率 40.00% 低于目标 98.00%', en: 'Punctuality 40.00% below the target 98.00%' });

    // The findings module opened them from the outbox, with the same severities.
    const findings = (await duban.findingQueries.list()).filter((f) => f.source === started.id);
    expect(findings.map((f) => `${f.subject}:${f.severity}`).sort()).toEqual(['CT:minor', 'p2:minor', 'p3:major', 'p5:minor']);
  });

  it('meets the target exactly at 98% (49 of 50 on time) and opens no department finding', async () => {
    const roster = Array.from({ length: 51 }, (_, i) => `s${i + 1}`);
    const started = await start({ roster });
    // 49 on time, 1 late, 1 on leave: 49 / (51 - 1) = 0.98, not below 0.98.
    const records = roster.map((person, i) => ({ person, status: i === 0 ? 'late' : i === 1 ? 'on_leave' : 'on_time' }));
    const sent = await duban.engine.send(started.id, { type: 'SUBMIT', data: { records } }, 'insp1');
    expect(sent.instance.state).toBe('met');
    const effects = await findingEffects(duban, started.id);
    expect(effects.map((e) => [e.subject, e.severity])).toEqual([['s1', 'minor']]);
  });

  it('uses the target given in the input', async () => {
    const started = await start({ roster: ['p1', 'p2'], target: 0.5 });
    const sent = await duban.engine.send(
      started.id,
      { type: 'SUBMIT', data: { records: [{ person: 'p1', status: 'on_time' }, { person: 'p2', status: 'late' }] } },
      'insp1',
    );
    expect(sent.instance.state).toBe('met');
    expect(sent.instance.context.data.punctuality).toMatchObject({ rate: 0.5, target: 0.5, belowTarget: false });
  });

  it('refuses a record that misses, repeats or adds a person, naming each place, and writes nothing', async () => {
    const started = await start({ roster: ['p1', 'p2', 'p3'] });
    const error = await duban.engine
      .send(
        started.id,
        {
          type: 'SUBMIT',
          data: {
            records: [
              { person: 'p1', status: 'on_time' },
              { person: 'p1', status: 'late' },
              { person: 'x9', status: 'on_time' },
            ],
          },
        },
        'insp1',
      )
      .catch((e: unknown) => e);
    expect(isDubanError(error, 'FORM_INVALID')).toBe(true);
    const problems = (error as { details: { problems: { path: string; message: string }[] } }).details.problems;
    expect(problems.map((p) => p.path)).toEqual(['records.1.person', 'records.2.person', 'records', 'records']);
    expect(problems[0]!.message).toContain('records.0');
    expect(problems[1]!.message).toContain('"x9" is not among the people on the roster');
    expect(problems[1]!.message).toContain('“x9”不在本次检查的应到人员名单之中');
    const after = await duban.engine.get(started.id);
    expect(after.state).toBe('recording');
    expect(after.revision).toBe(started.revision);
  });

  it('refuses a record from someone who is not an inspector or the office', async () => {
    const started = await start({ roster: ['p1'] });
    const error = await duban.engine
      .send(started.id, { type: 'SUBMIT', data: { records: [{ person: 'p1', status: 'on_time' }] } }, 'tech1')
      .catch((e: unknown) => e);
    expect(isDubanError(error, 'NOT_ALLOWED')).toBe(true);
  });
});
