import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { importHospital } from '../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(DIALECTS)('finding time on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  /** What `duban serve` does in one pass. */
  const tick = async () => {
    await duban.timers.fireDue();
    await duban.outbox.runDue();
  };

  it('walks breach -> level 1 -> level 2 -> level 3 -> flagged', async () => {
    duban = await startTestDuban(dialect, { start: '2026-03-02T01:00:00.000Z' });
    await importHospital(duban);
    const id = await duban.findings.open(
      { department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'major', title: '迟到' },
      'insp1',
    );
    let f = await duban.findingQueries.get(id);
    expect([f.level, f.assignee, f.dueAt]).toEqual([1, 'head_ct', '2026-03-05T01:00:00.000Z']);

    duban.manualClock.advance(3 * DAY - HOUR);
    await tick();
    expect((await duban.findingQueries.get(id)).level).toBe(1);

    duban.manualClock.advance(HOUR + 1000);
    await tick();
    f = await duban.findingQueries.get(id);
    expect([f.level, f.assignee, f.flagged]).toEqual([2, 'office1', false]);
    expect(f.escalations.at(-1)).toMatchObject({ level: 2, to: 'office1', reason: 'overdue' });
    // The new deadline runs from the escalation: the SLA timer was re-armed.
    expect(f.dueAt).toBe('2026-03-08T01:00:01.000Z');

    duban.manualClock.advance(3 * DAY + 1000);
    await tick();
    f = await duban.findingQueries.get(id);
    expect([f.level, f.assignee, f.flagged]).toEqual([3, 'vp1', false]);

    duban.manualClock.advance(3 * DAY + 1000);
    await tick();
    f = await duban.findingQueries.get(id);
    expect([f.level, f.assignee, f.flagged, f.overdue]).toEqual([3, 'vp1', true, true]);
    // Flagged, still listed as overdue: never dropped.
    expect((await duban.findingQueries.list({ overdue: true, flagged: true })).map((x) => x.id)).toEqual([id]);
    const events = f.timeline.map((t) => t.event);
    expect(events.filter((e) => e === 'ESCALATE')).toHaveLength(2);
    expect(events.filter((e) => e === 'FLAG')).toHaveLength(1);
  });

  it('a critical finding with escalateNow starts at level 2', async () => {
    duban = await startTestDuban(dialect);
    await importHospital(duban);
    const id = await duban.findings.open(
      { department: 'CT', subject: 'CT-night', subjectKind: 'post', category: 'duty.absent', severity: 'critical', title: '值班不在岗', escalateNow: true },
      'insp1',
    );
    const f = await duban.findingQueries.get(id);
    expect([f.level, f.assignee, f.dueAt]).toEqual([2, 'office1', '2026-03-03T01:00:00.000Z']);
    const kinds = await duban.store.db.selectFrom('outbox').select(['kind', 'payload']).where('instance_id', '=', id).execute();
    expect(kinds.filter((k) => k.kind === 'notify')).toHaveLength(2);
    expect(kinds.filter((k) => k.kind === 'startChain').map((k) => JSON.parse(k.payload).chain)).toEqual(['corrective-meeting']);
  });

  it('close -> recurrence within the re-check window -> reopen; no recurrence -> effective', async () => {
    duban = await startTestDuban(dialect);
    await importHospital(duban);
    const open = () =>
      duban.findings.open(
        { department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'minor', title: '迟到' },
        'insp1',
      );
    const closeIt = async (id: string) => {
      await duban.findings.plan(id, 'head_ct', { text: '谈话提醒', owner: 'head_ct', due: duban.clock.now().toISOString().slice(0, 10) });
      await duban.findings.actionDone(id, 'head_ct', 'a1');
      await duban.findings.submit(id, 'head_ct');
      await duban.findings.close(id, 'office1', '复查无迟到');
    };
    const first = await open();
    await closeIt(first);
    expect((await duban.findingQueries.get(first)).status).toBe('closed');

    duban.manualClock.advance(10 * DAY);
    const second = await open();
    duban.manualClock.advance(20 * DAY + 1000);
    await tick();
    const reopened = await duban.findingQueries.get(first);
    expect(reopened.status).toBe('open');
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.timeline.at(-1)).toMatchObject({ event: 'REOPEN', from: 'closed', to: 'open' });
    expect((reopened.timeline.at(-1)!.data as Record<string, unknown>).recurrence).toBe(second);

    // The second one, closed with nothing after it, is marked effective after 30 days.
    await closeIt(second);
    duban.manualClock.advance(30 * DAY + 1000);
    await tick();
    const effective = await duban.findingQueries.get(second);
    expect([effective.status, effective.effective]).toEqual(['closed', true]);
  });
});
