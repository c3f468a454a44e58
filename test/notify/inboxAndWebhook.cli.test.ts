import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { assertBuilt, cliEnv, emptyWorkdir, runCli, runCliJson } from '../schedule/runCli.js';
import { startWebhookServer, type WebhookServer } from './webhookServer.js';

interface InboxJson {
  id: string;
  message: { 'zh-CN': string; en: string };
  readAt: string | null;
}

/**
 * The compiled CLI end to end: a config file names a WeCom webhook; `schedules add`
 * creates a reminder; `serve --once` at its instant fires it to the inbox and the robot;
 * `inbox` lists it for the person (`--as`), marks it read, and refuses another person.
 */
describe('inbox and webhook through the compiled CLI', () => {
  let database: TestDatabase;
  let robot: WebhookServer;
  const cwd = emptyWorkdir();
  const env = (now: string) => cliEnv(database.target, { DUBAN_NOW: now });

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('sqlite');
    robot = await startWebhookServer(() => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } }));
    writeFileSync(
      join(cwd, 'duban.config.json'),
      JSON.stringify({ timeZone: 'Asia/Shanghai', notify: { webhooks: [{ name: 'quality-group', url: `${robot.url}/cgi-bin/webhook/send?key=k`, preset: 'wecom' }] } }),
    );
    expect((await runCli(['init'], env('2026-03-02T00:00:00Z'), cwd)).code).toBe(0);
  });
  afterAll(async () => {
    await robot?.close();
    await database?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('delivers a scheduled reminder to the inbox and the WeCom robot, then lists and marks it read', async () => {
    const add = await runCli(
      ['schedules', 'add', '--id', 'handover', '--name-zh', '交班提醒', '--name-en', 'Handover reminder', '--cron', '0 8 * * *',
        '--remind', 'person:alice', '--message-zh', '八点集中交班', '--message-en', 'Shift handover at eight', '--channels', 'inbox,webhook,log'],
      env('2026-03-02T00:00:00Z'),
      cwd,
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('Added schedule handover; next fire: 2026-03-03 08:00 +08:00');

    // 08:00:01 Shanghai: on time.
    const serve = await runCliJson<{ schedules: number; schedulesLate: number; outbox: number }>(['serve', '--once', '--json'], env('2026-03-03T00:00:01Z'), cwd);
    expect(serve).toMatchObject({ schedules: 1, schedulesLate: 0, outbox: 1 });
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]!.body).toEqual({ msgtype: 'text', text: { content: '八点集中交班\nShift handover at eight\n提醒对象 To: alice' } });

    const unread = await runCliJson<InboxJson[]>(['inbox', '--as', 'alice', '--json'], env('2026-03-03T00:05:00Z'), cwd);
    expect(unread.map((m) => [m.message.en, m.readAt])).toEqual([['Shift handover at eight', null]]);
    const id = unread[0]!.id;

    const zh = await runCli(['--lang', 'zh-CN', 'inbox', '--as', 'alice'], env('2026-03-03T00:05:00Z'), cwd);
    expect(zh.stdout).toContain('未读');
    expect(zh.stdout).toContain('八点集中交班');

    const other = await runCli(['inbox', '--as', 'bob', '--read', id], env('2026-03-03T00:06:00Z'), cwd);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`NOT_FOUND: bob has no inbox message "${id}"`);

    const read = await runCli(['inbox', '--as', 'alice', '--read', id], env('2026-03-03T00:06:00Z'), cwd);
    expect(read.stdout.trim()).toBe(`Marked read: ${id}`);
    expect(await runCliJson<InboxJson[]>(['inbox', '--as', 'alice', '--json'], env('2026-03-03T00:07:00Z'), cwd)).toEqual([]);
    const all = await runCliJson<InboxJson[]>(['inbox', '--as', 'alice', '--all', '--json'], env('2026-03-03T00:07:00Z'), cwd);
    expect(all.map((m) => m.id)).toEqual([id]);
    // DUBAN_NOW sets the clock at start; it runs on from there.
    expect(all[0]!.readAt).toMatch(/^2026-03-03T00:06:/);
  }, 240_000);
});
