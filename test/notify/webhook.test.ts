import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotifyConfig, ScheduleInput } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { addPeople, countRows, startScheduleDuban, type ScheduleTestDuban } from '../schedule/scheduleDuban.js';
import { startWebhookServer, type WebhookServer } from './webhookServer.js';

const ROBOT_OK = { errcode: 0, errmsg: 'ok' };

/** A reminder at 09:00 Shanghai (01:00Z) to alice on the inbox and the webhooks. */
const reminder: ScheduleInput = {
  id: 'handover',
  name: { 'zh-CN': '交班提醒', en: 'Handover reminder' },
  cron: '0 9 * * *',
  action: { kind: 'remind', to: { person: 'alice' }, message: { 'zh-CN': '请参加集中交班', en: 'Join the shift handover' }, channels: ['inbox', 'webhook'] },
};

describe.each(DIALECTS)('webhook reminders against a real HTTP server on %s', (dialect) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  const server = async (...args: Parameters<typeof startWebhookServer>) => {
    const s = await startWebhookServer(...args);
    cleanup.push(() => s.close());
    return s;
  };
  const engine = async (notify: NotifyConfig) => {
    const duban = await startScheduleDuban(dialect, { notify, plugins: false });
    cleanup.push(() => duban.dispose());
    return duban;
  };
  /** Fires the reminder due at 01:00Z and runs the outbox once. */
  const fireReminder = async (duban: ScheduleTestDuban) => {
    // Added before the people: until an org exists, anyone may schedule.
    await duban.schedules.add(reminder, 'office1');
    await addPeople(duban, [{ id: 'alice', roles: 'inspector', nameZh: '艾丽', nameEn: 'Alice' }]);
    duban.manualClock.set('2026-03-02T01:00:00Z');
    await duban.schedules.runDue();
    await duban.outbox.runDue();
    return duban.store.db.selectFrom('outbox').selectAll().where('kind', '=', 'notify').executeTakeFirstOrThrow();
  };

  it('a server that fails twice and then accepts gets the reminder delivered once: no duplicate post, no duplicate inbox row', async () => {
    const hook = await server((i) => (i < 2 ? { status: 500, body: { error: 'busy' } } : { status: 200, body: { ok: true } }));
    const duban = await engine({ webhooks: [{ name: 'ops', url: `${hook.url}/hook` }] });
    const row = await fireReminder(duban);

    // First attempt failed: the row waits for its retry and shows why.
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toContain('webhook ops: HTTP 500');
    expect(hook.received).toHaveLength(1);
    // Back-off: nothing is retried before the retry instant.
    await duban.outbox.runDue();
    expect(hook.received).toHaveLength(1);

    duban.manualClock.advance(1000);
    await duban.outbox.runDue();
    const second = await duban.store.db.selectFrom('outbox').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    duban.manualClock.advance(2000);
    await duban.outbox.runDue();
    const done = await duban.store.db.selectFrom('outbox').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'done', attempts: 3, last_error: null });

    expect(hook.received.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(hook.accepted()).toHaveLength(1);
    // Every attempt carried the outbox id as its idempotency key.
    expect(hook.received.map((r) => r.headers['idempotency-key'])).toEqual([row.id, row.id, row.id]);
    expect(hook.received[2]!.headers['content-type']).toMatch(/^application\/json/);
    expect(hook.received[2]!.body).toEqual({
      id: row.id,
      at: '2026-03-02T01:00:03.000Z',
      to: { person: 'alice' },
      recipients: [{ id: 'alice', name: { 'zh-CN': '艾丽', en: 'Alice' } }],
      message: { 'zh-CN': '请参加集中交班', en: 'Join the shift handover' },
      instanceId: null,
      schedule: 'handover',
    });
    expect(await duban.inbox.list('alice')).toHaveLength(1);

    // A redelivery of the same row (a crash before it was marked done) repeats nothing.
    await duban.outboxHandlers.get('notify')!({ id: row.id, instanceId: null, kind: 'notify', payload: JSON.parse(row.payload), attempt: 4, pluginId: null });
    expect(hook.received).toHaveLength(3);
    expect(await countRows(duban, 'inbox')).toBe(1);
    expect(await duban.incidents.list()).toEqual([]);
  });

  it('WeCom and DingTalk presets post their robots\' message JSON; DingTalk is signed', async () => {
    const wecom = await server(() => ({ status: 200, body: ROBOT_OK }));
    const dingtalk = await server(() => ({ status: 200, body: ROBOT_OK }));
    const secret = 'SEC0123456789abcdef';
    const duban = await engine({
      webhooks: [
        { name: 'wecom', url: `${wecom.url}/cgi-bin/webhook/send?key=test-key`, preset: 'wecom' },
        { name: 'dingtalk', url: `${dingtalk.url}/robot/send?access_token=test-token`, preset: 'dingtalk', secret, keyword: '督办' },
      ],
    });
    const row = await fireReminder(duban);
    expect(row.status).toBe('done');

    expect(wecom.received).toHaveLength(1);
    const w = wecom.received[0]!;
    expect([w.path, w.query.get('key')]).toEqual(['/cgi-bin/webhook/send', 'test-key']);
    expect(w.body).toEqual({ msgtype: 'text', text: { content: '请参加集中交班\nJoin the shift handover\n提醒对象 To: 艾丽' } });
    expect(w.headers['idempotency-key']).toBe(row.id);

    expect(dingtalk.received).toHaveLength(1);
    const d = dingtalk.received[0]!;
    expect(d.body).toEqual({
      msgtype: 'text',
      text: { content: '督办\n请参加集中交班\nJoin the shift handover\n提醒对象 To: 艾丽' },
      at: { atMobiles: [], atUserIds: [], isAtAll: false },
    });
    expect(d.query.get('access_token')).toBe('test-token');
    const timestamp = d.query.get('timestamp')!;
    expect(d.query.get('sign')).toBe(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
  });

  it('a robot answering errcode over HTTP 200 fails; after the last retry an incident, while the hook that accepted got one post', async () => {
    const broken = await server(() => ({ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } }));
    const fine = await server(() => ({ status: 204 }));
    const duban = await engine({
      webhooks: [
        { name: 'broken', url: `${broken.url}/send`, preset: 'wecom' },
        { name: 'fine', url: `${fine.url}/hook` },
      ],
    });
    const row = await fireReminder(duban);
    expect(row.last_error).toBe('webhook broken: errcode 93000: invalid webhook url');
    for (let attempt = 2; attempt <= 5; attempt++) {
      duban.manualClock.advance(60_000);
      await duban.outbox.runDue();
    }
    const failed = await duban.store.db.selectFrom('outbox').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(broken.received).toHaveLength(5);
    expect(fine.received).toHaveLength(1);
    expect(await countRows(duban, 'inbox')).toBe(1);
    const [incident] = await duban.incidents.list('open');
    expect(incident!.outboxId).toBe(row.id);
    expect(incident!.message).toContain('notify failed 5 times: webhook broken: errcode 93000');
  });

  it('a chain\'s notify effect (the spot check\'s overdue alert) reaches the office by inbox and webhook', async () => {
    const hook = await server();
    const duban = await startScheduleDuban(dialect, { notify: { defaultChannels: ['inbox', 'webhook', 'log'], webhooks: [{ name: 'ops', url: hook.url }] } });
    cleanup.push(() => duban.dispose());
    await addPeople(duban, [
      { id: 'olga', roles: 'office' },
      { id: 'omar', roles: 'office', active: false },
      { id: 'ida', roles: 'inspector' },
      { id: 'p1', roles: '' },
      { id: 'p2', roles: '' },
    ]);
    await duban.store.db.insertInto('departments').values({ id: 'CT', parent_id: null, name_zh: 'CT室', name_en: 'CT room' }).execute();
    const instance = await duban.engine.start('spot-check', { department: 'CT', candidates: ['p1', 'p2'], count: 1 }, 'olga');
    duban.manualClock.advance(2 * 3_600_000);
    await duban.timers.fireDue();
    await duban.outbox.runDue();
    expect((await duban.inbox.list('olga')).map((m) => [m.message['zh-CN'], m.instanceId])).toEqual([['抽查逾期未完成', instance.id]]);
    expect(await duban.inbox.list('omar')).toEqual([]);
    expect(await duban.inbox.list('ida')).toEqual([]);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.body).toMatchObject({ to: { role: 'office' }, instanceId: instance.id, recipients: [{ id: 'olga' }] });
  });
});
