import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError } from '../../core/index.js';
import { retryDelayMs } from '../../core/runtime/OutboxDispatcher.js';
import { flakyPlugin, type FlakySwitch } from '../fixtures/flaky/flakyPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const MAX_ATTEMPTS = 5;

describe.each(DIALECTS)('a plugin activity that keeps failing, on %s', (dialect) => {
  let duban: TestDuban;
  let control: FlakySwitch;
  afterEach(async () => duban?.dispose());

  async function start(): Promise<void> {
    const flaky = flakyPlugin();
    control = flaky.control;
    duban = await startTestDuban(dialect, { extraPlugins: [flaky.candidate] });
  }

  const outboxOf = async (instanceId: string) => {
    const row = await duban.store.db.selectFrom('outbox').selectAll().where('instance_id', '=', instanceId).executeTakeFirstOrThrow();
    return { ...row, attempts: Number(row.attempts) };
  };

  /**
   * Drives the row through every attempt: each retry waits its back-off exactly (1 ms
   * early nothing runs, at the instant it runs), until the last failure opens an incident.
   */
  async function failUntilIncident(instanceId: string): Promise<void> {
    // The first attempt ran right after the start committed.
    expect(await outboxOf(instanceId)).toMatchObject({ status: 'pending', attempts: 1, plugin_id: 'flaky' });
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const row = await outboxOf(instanceId);
      expect(new Date(row.next_attempt_at).getTime() - duban.clock.now().getTime()).toBe(retryDelayMs(attempt));
      duban.manualClock.advance(retryDelayMs(attempt) - 1);
      expect(await duban.outbox.runDue()).toBe(0);
      expect((await outboxOf(instanceId)).attempts).toBe(attempt);
      duban.manualClock.advance(1);
      expect(await duban.outbox.runDue()).toBe(1);
      expect((await outboxOf(instanceId)).attempts).toBe(attempt + 1);
    }
    expect(await outboxOf(instanceId)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      last_error: 'plugin flaky, task flaky.fetch: the laboratory system timed out',
    });
    // A failed row is never picked up again by itself.
    duban.manualClock.advance(24 * 3_600_000);
    expect(await duban.outbox.runDue()).toBe(0);
  }

  it('retries with back-off, then opens an incident; a retry after the repair completes the step', async () => {
    await start();
    const instance = await duban.engine.start('flaky', {}, 'alice');
    await failUntilIncident(instance.id);
    expect(control.calls).toBe(MAX_ATTEMPTS);
    expect((await duban.engine.get(instance.id)).state).toBe('fetching');

    const [incident] = await duban.incidents.list('open');
    expect(incident).toMatchObject({
      instanceId: instance.id,
      pluginId: 'flaky',
      status: 'open',
      message: `plugin flaky: activity failed ${MAX_ATTEMPTS} times: plugin flaky, task flaky.fetch: the laboratory system timed out`,
    });
    const opened = await duban.store.db.selectFrom('audit_log').select(['actor', 'data']).where('event', '=', 'incident.opened').execute();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.actor).toBe('system:outbox');
    expect(JSON.parse(opened[0]!.data)).toMatchObject({ incident: incident!.id, plugin: 'flaky', kind: 'activity' });

    // The laboratory system is back: retry runs the same outbox row again, and the step completes.
    control.failing = false;
    await duban.incidents.retry(incident!.id, 'carol');
    expect(await duban.outbox.runDue()).toBe(1);
    expect(await duban.engine.get(instance.id)).toMatchObject({ state: 'fetched', status: 'done', context: { data: { attempt: 1 } } });
    expect(await outboxOf(instance.id)).toMatchObject({ status: 'done' });
    expect(await duban.incidents.list('open')).toEqual([]);
    expect((await duban.incidents.list('resolved'))[0]).toMatchObject({ id: incident!.id, resolvedBy: 'carol', note: 'retried' });
    const events = await duban.store.db.selectFrom('audit_log').select('event').where('instance_id', '=', instance.id).orderBy('seq').execute();
    expect(events.map((e) => e.event)).toEqual(['start', 'incident.opened', 'incident.retried', 'task.done']);

    await expect(duban.incidents.retry(incident!.id, 'carol')).rejects.toSatisfy((e) => isDubanError(e, 'INCIDENT_NOT_OPEN'));
    await expect(duban.incidents.retry('x-nope', 'carol')).rejects.toSatisfy((e) => isDubanError(e, 'INCIDENT_NOT_FOUND'));
  });

  it('resolve closes the incident by hand with a note and abandons the work', async () => {
    await start();
    const instance = await duban.engine.start('flaky', {}, 'alice');
    await failUntilIncident(instance.id);
    const [incident] = await duban.incidents.list('open');
    await duban.incidents.resolve(incident!.id, 'carol', 'results entered by hand from the paper register');

    expect((await duban.incidents.list())[0]).toMatchObject({ id: incident!.id, status: 'resolved', resolvedBy: 'carol', note: 'results entered by hand from the paper register' });
    expect(await outboxOf(instance.id)).toMatchObject({ status: 'abandoned' });
    control.failing = false;
    duban.manualClock.advance(3_600_000);
    expect(await duban.outbox.runDue()).toBe(0);
    expect((await duban.engine.get(instance.id)).state).toBe('fetching');
    const resolved = await duban.store.db.selectFrom('audit_log').select(['actor', 'data']).where('event', '=', 'incident.resolved').execute();
    expect(resolved.map((r) => ({ actor: r.actor, data: JSON.parse(r.data) }))).toEqual([
      { actor: 'carol', data: { incident: incident!.id, outbox: expect.any(String), note: 'results entered by hand from the paper register' } },
    ]);
  });
});
