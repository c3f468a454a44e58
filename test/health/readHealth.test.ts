import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { readHealth } from '../../core/health/readHealth.js';
import { retryDelayMs } from '../../core/runtime/OutboxDispatcher.js';
import { flakyPlugin } from '../fixtures/flaky/flakyPlugin.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('the health report, on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());
  const failing = async () => (await readHealth(duban)).checks.filter((c) => c.status === 'fail').map((c) => c.problem);

  it('a timer is late once it is due longer ago than the lateness, not before', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    await duban.engine.start('notes', {}, 'alice');
    duban.manualClock.advance(HOUR + duban.settings.lateAfterMs);
    expect(await failing()).toEqual([]);
    duban.manualClock.advance(1);
    expect(await failing()).toEqual(['timersLate']);
    expect((await readHealth(duban)).timers).toEqual({ late: 1, oldestDueAt: '2026-03-02T02:00:00.000Z' });
    await duban.timers.fireDue();
    expect(await failing()).toEqual([]);
  });

  it('an outbox row due and not picked up for longer than the threshold is late; the backlog counts it', async () => {
    const flaky = flakyPlugin();
    duban = await startTestDuban(dialect, { extraPlugins: [flaky.candidate] });
    await duban.engine.start('flaky', {}, 'alice');
    // The first attempt failed right after the commit; the retry is due after its back-off.
    const due = new Date(duban.clock.now().getTime() + retryDelayMs(1)).toISOString();
    expect((await readHealth(duban)).outbox).toMatchObject({ waiting: 1, dueSince: null, failed: 0 });
    duban.manualClock.advance(retryDelayMs(1) + duban.settings.outboxLateAfterMs);
    expect(await failing()).toEqual([]);
    expect((await readHealth(duban)).outbox).toMatchObject({ waiting: 1, dueSince: due });
    duban.manualClock.advance(1);
    expect(await failing()).toEqual(['outboxLate']);
    expect((await readHealth(duban)).healthy).toBe(false);
  });

  it('a migration this program knows but the database has not run is a schema outdated', async () => {
    duban = await startTestDuban(dialect);
    expect(await failing()).toEqual([]);
    // As a database left by the previous version is: the newest migration not in its history.
    await sql`delete from duban_migration where name = '007_heartbeat'`.execute(duban.store.db);
    expect(await failing()).toEqual(['schemaOutdated']);
    expect((await readHealth(duban)).schema![0]).toMatchObject({ owner: 'core', pending: ['007_heartbeat'] });
  });

  it('warns of no anchor until one is made, then names it', async () => {
    duban = await startTestDuban(dialect);
    // The key and the anchors in a folder of the test's own, not the user's.
    const dir = mkdtempSync(join(tmpdir(), 'duban-health-'));
    Object.assign(duban.anchors.settings, { keyFile: join(dir, 'key.pem'), anchorsFile: join(dir, 'anchors.jsonl') });
    expect((await readHealth(duban)).checks.find((c) => c.check === 'auditAnchor')).toMatchObject({ status: 'warning', problem: 'noAnchor' });
    const { anchor } = await duban.anchors.anchor();
    const report = await readHealth(duban);
    expect(report.checks.find((c) => c.check === 'auditAnchor')).toMatchObject({ status: 'ok', problem: null });
    expect(report.auditAnchor).toEqual({ seq: anchor.seq, at: anchor.at, keyId: anchor.keyId, file: join(dir, 'anchors.jsonl') });
    rmSync(dir, { recursive: true, force: true });
  });
});
