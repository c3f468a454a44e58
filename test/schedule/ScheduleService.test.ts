import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError, type OverdueDigestQuery, type OverdueDigestSource, type OverdueFinding, type ScheduleInput } from '../../core/index.js';
import { fireSchedule } from '../../core/schedule/fireSchedule.js';
import { drawFireInstant } from '../../core/schedule/randomWindow.js';
import { DIALECTS } from '../support/dialects.js';
import { addPeople, countRows, startScheduleDuban, type ScheduleTestDuban } from './scheduleDuban.js';

const weekdayReminder: ScheduleInput = {
  id: 'morning',
  name: { 'zh-CN': '晨会提醒', en: 'Morning reminder' },
  cron: '0 9 * * 1-5',
  action: { kind: 'remind', to: { person: 'alice' }, message: { 'zh-CN': '请参加交班', en: 'Join the handover' } },
};

describe.each(DIALECTS)('ScheduleService on %s', (dialect) => {
  const started: ScheduleTestDuban[] = [];
  const start = async (options: Parameters<typeof startScheduleDuban>[1] = {}) => {
    const duban = await startScheduleDuban(dialect, options);
    started.push(duban);
    return duban;
  };
  afterEach(async () => {
    for (const duban of started.splice(0).reverse()) await duban.dispose();
  });

  it('adds, previews, pauses, resumes and removes a schedule, each change audited', async () => {
    // Monday 2026-03-02 08:30 in Shanghai.
    const duban = await start();
    const added = await duban.schedules.add(weekdayReminder, 'carol');
    expect(added).toMatchObject({ id: 'morning', timeZone: 'Asia/Shanghai', missedPolicy: 'once', catchUpCap: 10, status: 'active' });
    expect(added.nextAt).toBe('2026-03-02T01:00:00.000Z');
    expect((await duban.schedules.upcoming('morning', 3)).map((o) => o.fireAt.toISOString())).toEqual([
      '2026-03-02T01:00:00.000Z',
      '2026-03-03T01:00:00.000Z',
      '2026-03-04T01:00:00.000Z',
    ]);

    expect((await duban.schedules.pause('morning', 'carol')).nextAt).toBeNull();
    duban.manualClock.set('2026-03-02T01:00:01Z');
    expect((await duban.schedules.runDue()).fired).toBe(0);
    duban.manualClock.set('2026-03-02T02:00:00Z');
    // What fell in the pause is not a missed run: resuming counts from now.
    expect((await duban.schedules.resume('morning', 'carol')).nextAt).toBe('2026-03-03T01:00:00.000Z');
    expect((await duban.schedules.runDue()).fired).toBe(0);
    await duban.schedules.remove('morning', 'carol');
    expect(await duban.schedules.list()).toEqual([]);

    const events = await duban.store.db.selectFrom('audit_log').select(['event', 'actor']).where('event', 'like', 'schedule.%').orderBy('seq').execute();
    expect(events).toEqual(['schedule.added', 'schedule.paused', 'schedule.resumed', 'schedule.removed'].map((event) => ({ event, actor: 'carol' })));
    await expect(duban.schedules.pause('morning', 'carol')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('fires a reminder on time into the inbox, once, with its occurrence id, outbox row and audit row', async () => {
    const duban = await start();
    await duban.schedules.add(weekdayReminder, 'carol');
    duban.manualClock.set('2026-03-02T01:00:00.400Z');
    expect(await duban.schedules.runDue()).toEqual({ fired: 1, late: 0, skipped: 0, claimedElsewhere: 0 });
    expect(await duban.schedules.runDue()).toEqual({ fired: 0, late: 0, skipped: 0, claimedElsewhere: 0 });
    await duban.outbox.runDue();

    const runs = await duban.store.db.selectFrom('schedule_runs').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: 'morning@2026-03-02T01:00:00.000Z', scheduled_at: '2026-03-02T01:00:00.000Z', late: 0, seed: null });
    const outbox = await duban.store.db.selectFrom('outbox').selectAll().where('id', '=', runs[0]!.outbox_id!).executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({ kind: 'notify', status: 'done' });
    const inbox = await duban.inbox.list('alice');
    expect(inbox.map((m) => [m.message.en, m.scheduleId])).toEqual([['Join the handover', 'morning']]);
    expect((await duban.schedules.get('morning')).nextAt).toBe('2026-03-03T01:00:00.000Z');
    const fired = await duban.store.db.selectFrom('audit_log').select(['actor', 'data']).where('event', '=', 'schedule.fired').execute();
    expect(fired.map((f) => [f.actor, JSON.parse(f.data).occurrence])).toEqual([['system:cron', 'morning@2026-03-02T01:00:00.000Z']]);
  });

  it('starts a chain with its input, exactly one instance even when the outbox row runs again', async () => {
    const duban = await start();
    await duban.schedules.add(
      {
        id: 'spot',
        name: { 'zh-CN': '每日抽查', en: 'Daily spot check' },
        cron: '0 10 * * *',
        action: { kind: 'startChain', chain: 'spot-check', input: { department: 'CT', candidates: ['p1', 'p2', 'p3'], count: 1 } },
      },
      'carol',
    );
    duban.manualClock.set('2026-03-02T02:00:00Z');
    expect((await duban.schedules.runDue()).fired).toBe(1);
    await duban.outbox.runDue();
    const run = await duban.store.db.selectFrom('schedule_runs').selectAll().executeTakeFirstOrThrow();
    // A second run of the same row (a crash before it was marked done) finds the instance started.
    await duban.outboxHandlers.get('startChain')!({ id: run.outbox_id!, instanceId: null, kind: 'startChain', payload: { chain: 'spot-check', input: { department: 'CT', candidates: ['p1', 'p2', 'p3'], count: 1 } }, attempt: 2, pluginId: null });
    const instances = await duban.engine.list({ chainId: 'spot-check' });
    expect(instances).toHaveLength(1);
    expect(instances[0]!.createdBy).toBe('system:chain');
    expect(instances[0]!.context.input).toMatchObject({ department: 'CT', count: 1 });
  });

  it('a random window fires at the instant drawn from the recorded seed, not before', async () => {
    const duban = await start();
    await duban.schedules.add(
      {
        id: 'night',
        name: { 'zh-CN': '夜间查岗', en: 'Night duty check' },
        cron: '0 22 * * *',
        window: { from: '22:00', to: '06:00' },
        action: { kind: 'remind', to: { person: 'ivan' }, message: { 'zh-CN': '请查岗', en: 'Check the duty posts' } },
      },
      'carol',
    );
    const [next] = await duban.schedules.upcoming('night', 1);
    expect(next!.scheduledAt.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(next!.fireAt.getTime()).toBeGreaterThanOrEqual(next!.scheduledAt.getTime());
    expect(next!.fireAt.getTime()).toBeLessThan(Date.parse('2026-03-02T22:00:00Z'));

    duban.manualClock.set(next!.fireAt.getTime() - 1000);
    expect((await duban.schedules.runDue()).fired).toBe(0);
    duban.manualClock.set(next!.fireAt);
    expect((await duban.schedules.runDue()).fired).toBe(1);
    const run = await duban.store.db.selectFrom('schedule_runs').selectAll().executeTakeFirstOrThrow();
    expect(run.fire_at).toBe(next!.fireAt.toISOString());
    expect(Number(run.seed)).toBe(next!.seed);
    // The draw replays from what was recorded.
    expect(drawFireInstant(new Date(run.scheduled_at), { from: '22:00', to: '06:00' }, 'Asia/Shanghai', Number(run.seed)).toISOString()).toBe(run.fire_at);
  });

  it('an overdue digest lists what the injected source returns, as of the scheduled instant', async () => {
    const queries: OverdueDigestQuery[] = [];
    const finding: OverdueFinding = {
      id: 'f-1',
      departmentId: 'CT',
      title: { 'zh-CN': '值班不在岗', en: 'Absent from duty post' },
      severity: 'critical',
      dueAt: '2026-03-01T01:00:00.000Z',
      level: 2,
      assignee: 'dora',
    };
    const source: OverdueDigestSource = {
      async overdueFindings(query) {
        queries.push(query);
        return [finding];
      },
    };
    const duban = await start({ overdueDigestSource: source });
    await addPeople(duban, [
      { id: 'olga', roles: 'office' },
      { id: 'oscar', roles: 'office,it' },
      { id: 'ida', roles: 'inspector' },
    ]);
    await duban.schedules.add(
      { id: 'digest', name: { 'zh-CN': '逾期汇总', en: 'Overdue digest' }, cron: '0 8 * * *', action: { kind: 'overdueDigest', to: { role: 'office' }, department: 'CT' } },
      'oscar',
    );
    duban.manualClock.set('2026-03-03T00:00:00.500Z');
    await duban.schedules.runDue();
    await duban.outbox.runDue();
    expect(queries).toEqual([{ at: new Date('2026-03-03T00:00:00.000Z'), department: 'CT' }]);
    for (const person of ['olga', 'oscar']) {
      const [message] = await duban.inbox.list(person);
      expect(message!.message['zh-CN']).toContain('值班不在岗');
      expect(message!.message.en).toContain('1 finding overdue as of 2026-03-03 08:00');
      expect(message!.message.en).toContain('[critical] Absent from duty post (CT, due 03-01 09:00, level 2) f-1');
    }
    expect(await duban.inbox.list('ida')).toEqual([]);
  });

  it('by default the digest lists the overdue findings of the department from the findings read model', async () => {
    const duban = await start();
    await addPeople(duban, [{ id: 'olga', roles: 'office' }]);
    // The places the findings name are of the org too.
    await duban.store.db.insertInto('departments').values([{ id: 'CT', parent_id: null, name_zh: 'CT室', name_en: 'CT' }, { id: 'US', parent_id: null, name_zh: '彩超室', name_en: 'US' }]).execute();
    await duban.store.db.insertInto('posts').values([{ id: 'CT-night', department_id: 'CT', name_zh: 'CT夜班', name_en: 'CT night' }, { id: 'US-night', department_id: 'US', name_zh: '彩超夜班', name_en: 'US night' }]).execute();
    const opened = duban.clock.now().getTime();
    const ct = await duban.findings.open({ department: 'CT', subject: 'CT-night', subjectKind: 'post', category: 'duty.absent', severity: 'critical', title: '值班不在岗', titleEn: 'Absent from duty post' }, 'olga');
    await duban.findings.open({ department: 'US', subject: 'US-night', subjectKind: 'post', category: 'duty.absent', severity: 'critical', title: '彩超夜班不在岗' }, 'olga');
    await duban.schedules.add(
      { id: 'digest', name: { 'zh-CN': '逾期汇总', en: 'Overdue digest' }, cron: '0 8 * * *', action: { kind: 'overdueDigest', to: { person: 'olga' }, department: 'CT' } },
      'olga',
    );
    // Critical findings are due in 24 h; the digest three days on finds the CT one overdue.
    duban.manualClock.set(opened + 3 * 86_400_000);
    await duban.schedules.runDue();
    await duban.outbox.runDue();
    const messages = await duban.inbox.list('olga');
    const digest = messages.find((m) => m.message.en.includes('overdue'));
    expect(digest?.message.en).toContain(ct);
    expect(digest?.message.en).toContain('Absent from duty post');
    expect(digest?.message['zh-CN']).not.toContain('彩超夜班不在岗');
  });

  it('a process holding a stale view of a due schedule loses the claim and writes nothing', async () => {
    // Two engines on one database (better-sqlite3 is synchronous, so in one process they
    // take turns; real concurrency is the three-process test). B read the row before A fired it.
    const a = await start({ start: '2026-03-01T16:30:00Z' });
    await a.schedules.add({ ...weekdayReminder, cron: '0 * * * *', missedPolicy: 'all', catchUpCap: 100 }, 'carol');
    const b = await start({ database: a.database, start: '2026-03-02T04:30:00Z' });
    a.manualClock.set('2026-03-02T04:30:00Z');
    const stale = await b.store.db.selectFrom('schedules').selectAll().where('id', '=', 'morning').executeTakeFirstOrThrow();
    // 17:00Z..04:00Z: 12 occurrences.
    expect((await a.schedules.runDue()).fired).toBe(12);
    const deps = { store: b.store, logger: { info() {}, warn() {}, error() {}, debug() {} }, missedAfterMs: 60_000, claimant: 'b' };
    expect(await fireSchedule(stale, b.clock.now(), deps)).toBeUndefined();
    expect(await b.schedules.runDue()).toEqual({ fired: 0, late: 0, skipped: 0, claimedElsewhere: 0 });
    expect(await countRows(a, 'schedule_runs')).toBe(12);
    expect(await countRows(a, 'outbox')).toBe(12);
    const fired = await a.store.db.selectFrom('audit_log').select('seq').where('event', '=', 'schedule.fired').execute();
    expect(fired).toHaveLength(12);
  });

  it('only it and office may change schedules once people exist; a refusal writes only its audit row', async () => {
    const duban = await start();
    await addPeople(duban, [
      { id: 'ida', roles: 'inspector' },
      { id: 'ivy', roles: 'it' },
      { id: 'otto', roles: 'office', active: false },
      // Whom the reminder goes to: a person of the org, as the schedule's check requires.
      { id: 'alice', roles: '' },
    ]);
    const auditBefore = await countRows(duban, 'audit_log');
    const refused = await duban.schedules.add(weekdayReminder, 'ida').catch((e: unknown) => e);
    expect(isDubanError(refused, 'NOT_ALLOWED')).toBe(true);
    expect(await duban.schedules.add(weekdayReminder, 'otto').catch((e: unknown) => (e as { code: string }).code)).toBe('NOT_ALLOWED');
    expect(await duban.schedules.add(weekdayReminder, 'nobody').catch((e: unknown) => (e as { code: string }).code)).toBe('UNKNOWN_PERSON');
    expect(await countRows(duban, 'schedules')).toBe(0);
    const denied = await duban.store.db.selectFrom('audit_log').select(['event', 'actor']).where('seq', '>', auditBefore).orderBy('seq').execute();
    expect(denied).toEqual([
      { event: 'denied:schedule.add', actor: 'ida' },
      { event: 'denied:schedule.add', actor: 'otto' },
      // An acting person the org does not know is a refusal too, audited once.
      { event: 'denied:schedule.add', actor: 'nobody' },
    ]);
    await duban.schedules.add(weekdayReminder, 'ivy');
    expect(await duban.schedules.pause('morning', 'ida').catch((e: unknown) => (e as { code: string }).code)).toBe('NOT_ALLOWED');
    expect((await duban.schedules.get('morning')).status).toBe('active');
  });
});
