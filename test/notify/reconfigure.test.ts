import { afterEach, describe, expect, it } from 'vitest';
import type { ScheduleInput } from '../../core/index.js';
import { addPeople, startScheduleDuban, type ScheduleTestDuban } from '../schedule/scheduleDuban.js';
import { startWebhookServer, type WebhookServer } from './webhookServer.js';

/** A reminder at 09:00 Shanghai (01:00Z) to alice on the webhooks. */
const reminder: ScheduleInput = {
  id: 'handover',
  name: { 'zh-CN': '交班提醒', en: 'Handover reminder' },
  cron: '0 9 * * *',
  action: { kind: 'remind', to: { person: 'alice' }, message: { 'zh-CN': '请参加集中交班', en: 'Join the shift handover' }, channels: ['webhook'] },
};

// What `serve` does on SIGHUP, seen from the engine: the next delivery and pass use the new config.
describe('a running engine reconfigured', () => {
  let duban: ScheduleTestDuban | undefined;
  let hook: WebhookServer | undefined;
  afterEach(async () => {
    await duban?.dispose();
    await hook?.close();
  });

  it('posts to the webhooks of the new notify section and takes the new poll interval', async () => {
    hook = await startWebhookServer(() => ({ status: 200, body: { ok: true } }));
    duban = await startScheduleDuban('sqlite', { notify: { webhooks: [{ name: 'ops', url: `${hook.url}/old` }] }, plugins: false });
    await duban.schedules.add(reminder, 'office1');
    await addPeople(duban, [{ id: 'alice', roles: 'inspector', nameZh: '艾丽', nameEn: 'Alice' }]);

    duban.reconfigure({ notify: { webhooks: [{ name: 'ops', url: `${hook.url}/new` }] }, settings: { pollIntervalMs: 250 } });
    duban.manualClock.set('2026-03-02T01:00:00Z');
    await duban.schedules.runDue();
    await duban.outbox.runDue();

    expect(hook.received.map((post) => post.path)).toEqual(['/new']);
    expect(duban.settings.pollIntervalMs).toBe(250);
    // A setting the new config leaves out is back at its default.
    duban.reconfigure({});
    expect(duban.settings.pollIntervalMs).toBe(1000);
  });
});
