import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../core/index.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { assertBuilt, cliEnv, emptyWorkdir, runCli, runCliJson } from './runCli.js';

/**
 * A schedule that fell due while nothing ran honours its policy on the next
 * `duban serve --once`, with real processes of the compiled CLI. Hourly reminders are
 * added at 00:30Z; the next serve runs at 05:30Z, so 01:00..05:00 (five occurrences)
 * were missed.
 */
describe.each(DIALECTS)('missed runs with the compiled CLI on %s', (dialect) => {
  let database: TestDatabase;
  const cwd = emptyWorkdir();
  const at = (now: string) => cliEnv(database.target, { DUBAN_NOW: now });

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(dialect);
    expect((await runCli(['init'], at('2026-03-02T00:00:00Z'), cwd)).code).toBe(0);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('skip fires none, once fires one, all fires every missed occurrence up to the cap, and warns about the skipped', async () => {
    const policies: [string, string[]][] = [
      ['skip', ['--missed', 'skip']],
      ['once', ['--missed', 'once']],
      ['all3', ['--missed', 'all', '--cap', '3']],
      ['all10', ['--missed', 'all', '--cap', '10']],
    ];
    for (const [id, flags] of policies) {
      const added = await runCliJson<{ id: string; nextAt: string; missedPolicy: string }>(
        ['schedules', 'add', '--id', id, '--name-zh', `提醒 ${id}`, '--name-en', `Reminder ${id}`, '--cron', '0 * * * *',
          '--remind', `person:p-${id}`, '--message-zh', '请查岗', '--message-en', 'Check the posts', '--channels', 'inbox', ...flags, '--json'],
        at('2026-03-02T00:30:00Z'),
        cwd,
      );
      expect(added.nextAt).toBe('2026-03-02T01:00:00.000Z');
    }

    const serve = await runCli(['serve', '--once', '--json'], { ...at('2026-03-02T05:30:00Z'), DUBAN_LOG: 'warn' }, cwd);
    expect(serve.code, serve.stderr).toBe(0);
    const pass = JSON.parse(serve.stdout) as { schedules: number; schedulesLate: number; schedulesSkipped: number; outbox: number };
    expect(pass).toMatchObject({ schedules: 0 + 1 + 3 + 5, schedulesLate: 9, schedulesSkipped: 5 + 4 + 2 + 0, outbox: 9 });
    // The warning names each schedule that skipped runs.
    for (const id of ['skip', 'once', 'all3']) expect(serve.stderr).toContain(`schedule ${id}: `);
    expect(serve.stderr).not.toContain('schedule all10: ');

    const store = await openStore(database.target);
    try {
      const runs = await store.db.selectFrom('schedule_runs').select(['schedule_id', 'scheduled_at', 'late']).orderBy('schedule_id').orderBy('scheduled_at').execute();
      const hours = (id: string) => runs.filter((r) => r.schedule_id === id).map((r) => r.scheduled_at.slice(11, 16));
      expect(hours('skip')).toEqual([]);
      expect(hours('once')).toEqual(['05:00']);
      expect(hours('all3')).toEqual(['03:00', '04:00', '05:00']);
      expect(hours('all10')).toEqual(['01:00', '02:00', '03:00', '04:00', '05:00']);
      expect(runs.every((r) => Number(r.late) === 1)).toBe(true);
      const inbox = await store.db.selectFrom('inbox').select(['person_id']).execute();
      expect(inbox.map((r) => r.person_id).sort()).toEqual(['p-all10', 'p-all10', 'p-all10', 'p-all10', 'p-all10', 'p-all3', 'p-all3', 'p-all3', 'p-once']);
      const skipped = await store.db.selectFrom('schedules').select(['id', 'skipped_total', 'next_at']).orderBy('id').execute();
      expect(skipped.map((s) => [s.id, Number(s.skipped_total), s.next_at])).toEqual([
        ['all10', 0, '2026-03-02T06:00:00.000Z'],
        ['all3', 2, '2026-03-02T06:00:00.000Z'],
        ['once', 4, '2026-03-02T06:00:00.000Z'],
        ['skip', 5, '2026-03-02T06:00:00.000Z'],
      ]);
    } finally {
      await store.close();
    }

    // Nothing is due again until 06:00: a second pass fires nothing.
    const again = await runCliJson<{ schedules: number; schedulesSkipped: number }>(['serve', '--once', '--json'], at('2026-03-02T05:31:00Z'), cwd);
    expect(again).toMatchObject({ schedules: 0, schedulesSkipped: 0 });
    const inboxOnce = await runCliJson<{ message: { en: string } }[]>(['inbox', '--as', 'p-once', '--json'], at('2026-03-02T05:32:00Z'), cwd);
    expect(inboxOnce.map((m) => m.message.en)).toEqual(['Check the posts']);
  }, 240_000);
});
