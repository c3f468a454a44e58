import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { assertBuilt, cliEnv, emptyWorkdir, runCli, runCliJson } from './runCli.js';

interface ListedSchedule {
  id: string;
  status: string;
  nextAt: string | null;
  upcoming: { occurrence: string; scheduledAt: string; fireAt: string; seed: number | null }[];
}

/** `duban schedules list | add | next | pause | resume | remove` through the compiled CLI. */
describe('duban schedules', () => {
  let database: TestDatabase;
  const cwd = emptyWorkdir();
  // Friday 2026-03-27 13:00 in Berlin: the clocks go forward on Sunday the 29th.
  const env = (extra: Record<string, string> = {}) => cliEnv(database.target, { DUBAN_NOW: '2026-03-27T12:00:00Z', ...extra });

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('sqlite');
    expect((await runCli(['init'], env(), cwd)).code).toBe(0);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('lists the next 3 fire times, previews N, pauses, resumes and removes', async () => {
    const add = await runCli(
      ['schedules', 'add', '--id', 'berlin', '--name-zh', '柏林晨检', '--name-en', 'Berlin morning check', '--cron', '0 9 * * *', '--tz', 'Europe/Berlin',
        '--remind', 'role:inspector', '--department', 'CT', '--message-zh', '晨检', '--message-en', 'Morning check'],
      env(),
      cwd,
    );
    expect(add.code, add.stderr).toBe(0);

    const [listed] = await runCliJson<ListedSchedule[]>(['schedules', 'list', '--json'], env(), cwd);
    expect(listed!.upcoming.map((o) => o.fireAt)).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(listed!.upcoming[0]!.occurrence).toBe('berlin@2026-03-28T08:00:00.000Z');

    const next = await runCliJson<ListedSchedule['upcoming']>(['schedules', 'next', 'berlin', '--count', '5', '--json'], env(), cwd);
    expect(next).toHaveLength(5);
    expect(next[4]!.fireAt).toBe('2026-04-01T07:00:00.000Z');

    // Text output shows local wall time with the offset, and Chinese when asked.
    const text = await runCli(['--lang', 'zh-CN', 'schedules', 'next', 'berlin', '--count', '2'], env(), cwd);
    expect(text.stdout).toContain('2026-03-28 09:00 +01:00');
    expect(text.stdout).toContain('2026-03-29 09:00 +02:00');
    expect(text.stdout).toContain('计划时刻');

    const paused = await runCli(['schedules', 'pause', 'berlin'], env(), cwd);
    expect(paused.stdout.trim()).toBe('Schedule berlin: paused; next fire: -');
    const zhList = await runCli(['--lang', 'zh-CN', 'schedules', 'list'], env(), cwd);
    expect(zhList.stdout).toContain('已暂停');
    expect(zhList.stdout).toContain('提醒角色 inspector（CT）');

    // Resumed on Monday the 30th at 12:00 Berlin: the next is Tuesday 09:00 CEST.
    const resumed = await runCli(['schedules', 'resume', 'berlin'], env({ DUBAN_NOW: '2026-03-30T10:00:00Z' }), cwd);
    expect(resumed.stdout.trim()).toBe('Schedule berlin: active; next fire: 2026-03-31 09:00 +02:00');

    expect((await runCli(['schedules', 'remove', 'berlin'], env(), cwd)).stdout.trim()).toBe('Removed schedule berlin');
    expect(await runCliJson<unknown[]>(['schedules', 'list', '--json'], env(), cwd)).toEqual([]);
    const missing = await runCli(['schedules', 'pause', 'berlin'], env(), cwd);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND: no schedule "berlin"');
  }, 240_000);
});
