import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe.each(DIALECTS)('Engine on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  it('runs the spot-check chain: activity draws, SLA timer armed, submit closes it', async () => {
    duban = await startTestDuban(dialect);
    const started = await duban.engine.start('spot-check', { department: 'CT', candidates: ['p1', 'p2', 'p3'], count: 2 }, 'alice');
    // The activity ran after the start committed and moved the instance on.
    const afterDraw = await duban.engine.get(started.id);
    expect(afterDraw.state).toBe('inspecting');
    expect(afterDraw.revision).toBe(2);
    expect(afterDraw.context.data.sample).toHaveLength(2);
    const timers = await duban.timers.pendingFor(started.id);
    expect(timers.map((t) => t.key)).toEqual(['inspecting.sla']);
    expect(timers[0]!.dueAt).toBe('2026-03-02T03:00:00.000Z');

    const sent = await duban.engine.send(started.id, { type: 'SUBMIT', data: { passed: true } }, 'bob');
    expect(sent.to).toBe('passed');
    expect(sent.instance.status).toBe('done');
    expect(await duban.timers.pendingFor(started.id)).toEqual([]);
  });
});
