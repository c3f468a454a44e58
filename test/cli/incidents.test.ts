import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson, initDatabase, type CliOptions } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';

// test/fixtures/flaky/duban.config.json loads a plugin whose activity fails unless
// FLAKY_FIXTURE_MODE=ok: the laboratory system is down until a test says it is back.
const FLAKY_DIR = fileURLToPath(new URL('../fixtures/flaky/', import.meta.url));
const T0 = '2026-03-02T01:00:00.000Z';
const hoursAfter = (hours: number) => new Date(new Date(T0).getTime() + hours * 3_600_000).toISOString();

describe('duban incidents', () => {
  let database: TestDatabase;
  afterEach(async () => database?.drop());

  it('an activity failing through its retries opens incidents; list, retry (after the repair) and resolve them', async () => {
    database = await createTestDatabase('sqlite');
    const at = (now: string, env?: Record<string, string>): CliOptions => ({ db: database.target, cwd: FLAKY_DIR, now, env });
    await initDatabase(at(T0));

    const first = await runDubanJson(['run', 'flaky', '--as', 'alice', '--json'], at(T0));
    const second = await runDubanJson(['run', 'flaky', '--as', 'alice', '--json'], at(T0));
    expect([first.state, second.state]).toEqual(['fetching', 'fetching']);
    // Attempts 2 to 5, each after its back-off has passed.
    for (let pass = 1; pass <= 4; pass++) {
      expect(await runDubanJson(['serve', '--once', '--json'], at(hoursAfter(pass)))).toMatchObject({ outbox: 2 });
    }
    expect(await runDubanJson(['serve', '--once', '--json'], at(hoursAfter(5)))).toMatchObject({ outbox: 0 });

    const open = await runDubanJson(['incidents', 'list', '--status', 'open', '--json'], at(hoursAfter(5)));
    expect(open).toHaveLength(2);
    for (const incident of open) {
      expect(incident).toMatchObject({ pluginId: 'flaky', status: 'open', message: expect.stringMatching(/^plugin flaky: activity failed 5 times: .*timed out/) });
    }
    const byInstance = new Map<string, string>(open.map((i: { instanceId: string; id: string }) => [i.instanceId, i.id]));

    // The laboratory system is back for this command: retry re-runs the work at once.
    const retried = await runDuban(['incidents', 'retry', byInstance.get(first.id)!, '--as', 'carol'], at(hoursAfter(6), { FLAKY_FIXTURE_MODE: 'ok' }));
    expect(retried.code).toBe(0);
    expect(await runDubanJson(['instances', 'show', first.id, '--json'], at(hoursAfter(6)))).toMatchObject({ state: 'fetched', status: 'done' });

    const resolved = await runDuban(['incidents', 'resolve', byInstance.get(second.id)!, '--note', 'entered by hand', '--as', 'carol'], at(hoursAfter(6)));
    expect(resolved.code).toBe(0);
    const all = await runDubanJson(['incidents', 'list', '--json'], at(hoursAfter(7)));
    expect(all.map((i: { instanceId: string; status: string; note: string; resolvedBy: string }) => [i.instanceId, i.status, i.note, i.resolvedBy]).sort()).toEqual(
      [
        [first.id, 'resolved', 'retried', 'carol'],
        [second.id, 'resolved', 'entered by hand', 'carol'],
      ].sort(),
    );
    // The abandoned work stays abandoned, whatever the laboratory system does now.
    expect(await runDubanJson(['serve', '--once', '--json'], at(hoursAfter(8), { FLAKY_FIXTURE_MODE: 'ok' }))).toMatchObject({ outbox: 0 });
    const show = await runDubanJson(['instances', 'show', second.id, '--json'], at(hoursAfter(8)));
    expect(show.state).toBe('fetching');
    expect(show.history.map((h: { event: string }) => h.event)).toEqual(['start', 'incident.opened', 'incident.resolved']);

    const again = await runDuban(['incidents', 'retry', byInstance.get(second.id)!], at(hoursAfter(8)));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^duban: INCIDENT_NOT_OPEN: /);
    const missing = await runDuban(['incidents', 'resolve', 'x-nope'], at(hoursAfter(8)));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--note/);
  }, CLI_TEST_TIMEOUT);
});
