import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError } from '../../../core/index.js';
import { DIALECTS } from '../../support/dialects.js';
import { importHospital } from '../../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { findingEffects } from './outboxFindings.js';

const POSTS = [
  { post: 'CT-night', person: 'tech1' },
  { post: 'US-night', person: 'p7' },
];

const ok = { present: true, handoverComplete: true, workLogFiled: true };

describe.each(DIALECTS)('duty-post-inspection chain on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  async function start() {
    duban = await startTestDuban(dialect, { start: '2026-03-02T15:40:00.000Z' });
    await importHospital(duban);
    return duban.engine.start('duty-post-inspection', { department: 'CT', posts: POSTS }, 'insp1');
  }

  it('an absence is a critical finding escalated at once, and the post is re-inspected within 7 days', async () => {
    const started = await start();
    expect(started.state).toBe('inspecting');

    const sent = await duban.engine.send(
      started.id,
      {
        type: 'SUBMIT',
        data: {
          posts: [
            { post: 'CT-night', present: false, handoverComplete: false, workLogFiled: true, note: '23:10 岗位无人，电话未接' },
            { post: 'US-night', present: true, handoverComplete: true, workLogFiled: false },
          ],
        },
      },
      'insp1',
    );
    expect(sent.instance.state).toBe('reinspecting');
    expect(sent.instance.context.data.expectedPosts).toEqual([{ post: 'CT-night', person: 'tech1' }]);

    const effects = await findingEffects(duban, started.id);
    expect(effects.map((e) => [e.subject, e.subjectKind, e.category, e.severity, e.escalateNow])).toEqual([
      ['CT-night', 'post', 'duty-post.absent', 'critical', true],
      ['CT-night', 'post', 'duty-post.handover_incomplete', 'major', false],
      ['US-night', 'post', 'duty-post.work_log_missing', 'minor', false],
    ]);
    // The post by its name in the org; one the org does not know, by its id.
    expect(effects[0]!.title).toEqual({ 'zh-CN': '值班不在岗：CT夜班', en: 'Absent from duty post CT night duty' });
    expect(effects[2]!.title).toEqual({ 'zh-CN': '工作日志未存档：彩超夜班', en: 'Work log not filed at Ultrasound night duty' });
    expect(effects[0]!.data).toEqual({ person: 'tech1', note: '23:10 岗位无人，电话未接', reinspection: false });

    // The re-inspection is due 7 days after the absence was assessed.
    const timers = await duban.timers.pendingFor(started.id);
    expect(timers.map((t) => [t.key, t.dueAt])).toEqual([['reinspecting.sla', '2026-03-09T15:40:00.000Z']]);

    // The findings module opened the critical one at escalation level 2 (head and office told).
    const findings = (await duban.findingQueries.list()).filter((f) => f.source === started.id);
    const critical = findings.find((f) => f.severity === 'critical');
    expect(critical).toMatchObject({ subject: 'CT-night', category: 'duty-post.absent', level: 2 });
    expect(findings.filter((f) => f.severity !== 'critical').every((f) => f.level === 1)).toBe(true);
    // ...and started the corrective meeting (专题会议) for it, and for it alone.
    const meetings = await duban.engine.list({ chainId: 'corrective-meeting' });
    expect(meetings.map((m) => m.context.input.findingId)).toEqual([critical!.id]);

    // Re-inspection: only the absent post, and this time the person is there.
    duban.manualClock.advance(3 * 24 * 3600_000);
    const refused = await duban.engine
      .send(started.id, { type: 'SUBMIT', data: { posts: [{ post: 'US-night', ...ok }] } }, 'insp1')
      .catch((e: unknown) => e);
    expect(isDubanError(refused, 'FORM_INVALID')).toBe(true);
    const rechecked = await duban.engine.send(started.id, { type: 'SUBMIT', data: { posts: [{ post: 'CT-night', ...ok }] } }, 'insp1');
    expect(rechecked.instance.state).toBe('closed');
    expect(rechecked.instance.context.data.rounds).toHaveLength(2);
    expect(await duban.timers.pendingFor(started.id)).toEqual([]);
    expect(await findingEffects(duban, started.id)).toHaveLength(3);
  });

  it('an absence found again at the re-inspection is critical again and re-inspected again', async () => {
    const started = await start();
    await duban.engine.send(
      started.id,
      { type: 'SUBMIT', data: { posts: [{ post: 'CT-night', ...ok, present: false }, { post: 'US-night', ...ok }] } },
      'insp1',
    );
    duban.manualClock.advance(24 * 3600_000);
    const again = await duban.engine.send(started.id, { type: 'SUBMIT', data: { posts: [{ post: 'CT-night', ...ok, present: false }] } }, 'insp1');
    expect(again.instance.state).toBe('reinspecting');
    const absences = (await findingEffects(duban, started.id)).filter((e) => e.category === 'duty-post.absent');
    expect(absences.map((e) => [e.severity, e.escalateNow, e.data?.reinspection])).toEqual([
      ['critical', true, false],
      ['critical', true, true],
    ]);
    const timers = await duban.timers.pendingFor(started.id);
    expect(timers.map((t) => [t.key, t.dueAt])).toEqual([['reinspecting.sla', '2026-03-10T15:40:00.000Z']]);
  });

  it('all posts in order closes the inspection with no finding', async () => {
    const started = await start();
    const sent = await duban.engine.send(
      started.id,
      { type: 'SUBMIT', data: { posts: [{ post: 'US-night', ...ok }, { post: 'CT-night', ...ok }] } },
      'insp1',
    );
    expect(sent.instance.state).toBe('closed');
    expect(await findingEffects(duban, started.id)).toEqual([]);
  });

  it('refuses a record that leaves out a post of the round', async () => {
    const started = await start();
    const error = await duban.engine.send(started.id, { type: 'SUBMIT', data: { posts: [{ post: 'CT-night', ...ok }] } }, 'insp1').catch((e: unknown) => e);
    expect(isDubanError(error, 'FORM_INVALID')).toBe(true);
    expect((error as Error).message).toContain('data.posts: no record for "US-night"');
  });
});
