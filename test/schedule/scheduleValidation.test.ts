import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDubanError, type ScheduleInput } from '../../core/index.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { assertBuilt, cliEnv, emptyWorkdir, runCli } from './runCli.js';
import { countRows, startScheduleDuban, type ScheduleTestDuban } from './scheduleDuban.js';

const good: ScheduleInput = {
  name: { 'zh-CN': '晨会提醒', en: 'Morning reminder' },
  cron: '0 9 * * 1-5',
  action: { kind: 'remind', to: { role: 'office' }, message: { 'zh-CN': '交班', en: 'Handover' } },
};

/** Bad inputs and the field each error must name. */
const BAD: readonly [string, unknown, string][] = [
  ['a malformed cron expression', { ...good, cron: '61 * * * *' }, 'cron'],
  ['a cron expression with too few fields', { ...good, cron: '0 9 * *' }, 'cron'],
  ['a cron expression that never fires', { ...good, cron: '0 0 30 2 *' }, 'cron'],
  ['an unknown time zone', { ...good, timeZone: 'Asia/Shangai' }, 'timeZone'],
  ['a fixed offset instead of a zone', { ...good, timeZone: '+08:00' }, 'timeZone'],
  ['a window end that is not a time', { ...good, window: { from: '22:00', to: '6 am' } }, 'window.to'],
  ['an unknown chain', { ...good, action: { kind: 'startChain', chain: 'no-such-chain' } }, 'action.chain'],
  ['chain input that does not match the chain', { ...good, action: { kind: 'startChain', chain: 'spot-check', input: { department: 'CT' } } }, 'action.input.candidates'],
  ['a reminder to nobody', { ...good, action: { kind: 'remind', to: {}, message: good.action.kind === 'remind' ? good.action.message : undefined } }, 'action.to'],
  ['an unknown channel', { ...good, action: { ...good.action, channels: ['sms'] } }, 'action.channels.0'],
  ['a name without English', { ...good, name: { 'zh-CN': '晨会' } }, 'name.en'],
  ['an unknown missed-run policy', { ...good, missedPolicy: 'sometimes' }, 'missedPolicy'],
  ['a catch-up cap of 0', { ...good, catchUpCap: 0 }, 'catchUpCap'],
];

describe.each(DIALECTS)('schedule input validation on %s', (dialect) => {
  let duban: ScheduleTestDuban;
  beforeAll(async () => {
    duban = await startScheduleDuban(dialect);
    await duban.schedules.add({ ...good, id: 'taken' }, 'carol');
  });
  afterAll(async () => duban?.dispose());

  it.each(BAD)('rejects %s with INPUT_INVALID naming the field, writing nothing', async (_what, input, path) => {
    const schedules = await countRows(duban, 'schedules');
    const audit = await countRows(duban, 'audit_log');
    const error = await duban.schedules.add(input as ScheduleInput, 'carol').catch((e: unknown) => e);
    expect(isDubanError(error, 'INPUT_INVALID')).toBe(true);
    expect((error as { place: { path: string } }).place.path).toBe(path);
    expect((error as Error).message.startsWith(`${path}:`)).toBe(true);
    expect(await countRows(duban, 'schedules')).toBe(schedules);
    expect(await countRows(duban, 'audit_log')).toBe(audit);
  });

  it('rejects an id that is taken, writing nothing', async () => {
    const error = await duban.schedules.add({ ...good, id: 'taken' }, 'carol').catch((e: unknown) => e);
    expect(isDubanError(error, 'INPUT_INVALID')).toBe(true);
    expect((error as { place: { path: string } }).place.path).toBe('id');
    expect(await countRows(duban, 'schedules')).toBe(1);
  });
});

describe('schedules add on the command line rejects bad input naming the option', () => {
  let database: TestDatabase;
  const cwd = emptyWorkdir();
  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('sqlite');
    // The operator's path: commands other than init never create the database.
    expect((await runCli(['init'], cliEnv(database.target), cwd)).code).toBe(0);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  const add = (extra: string[]) =>
    runCli(['schedules', 'add', '--name-zh', '提醒', '--name-en', 'Reminder', '--remind', 'role:office', '--message-zh', '交班', '--message-en', 'Handover', ...extra], cliEnv(database.target), cwd);

  it.each([
    ['--cron', ['--cron', '61 * * * *'], /INPUT_INVALID: --cron: cron: "61 \* \* \* \*" is not a cron expression/],
    ['--tz', ['--cron', '0 9 * * *', '--tz', 'Mars/Olympus'], /INPUT_INVALID: --tz: timeZone: "Mars\/Olympus" is not an IANA time zone/],
    ['--window', ['--cron', '0 22 * * *', '--window', '22:00-25:00'], /INPUT_INVALID: --window: window\.to: "25:00" is not a time/],
  ])('%s', async (_option, args, message) => {
    const result = await add(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    const list = await runCli(['schedules', 'list', '--json'], cliEnv(database.target), cwd);
    expect(JSON.parse(list.stdout)).toEqual([]);
    const audit = await runCli(['audit', 'verify'], cliEnv(database.target), cwd);
    expect(audit.stdout).toMatch(/: 0 rows/);
  });
});
