import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDuban, ManualClock, type Duban } from '../../core/index.js';
import { MAX_TIMER_MS, runServeLoop } from '../../cli/serveLoop.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';

const DAY = 86_400_000;

describe('the serve loop', () => {
  let database: TestDatabase;
  let duban: Duban | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await duban?.close();
    duban = undefined;
    await database?.drop();
  });

  it('never arms a JS timer longer than 2^31-1 ms, even for a deadline weeks away', async () => {
    database = await createTestDatabase('sqlite');
    const clock = new ManualClock('2026-03-02T01:00:00.000Z');
    // A poll interval and a deadline both beyond what setTimeout can hold (~24.8 days).
    duban = await createDuban({ db: database.target, clock, plugins: [notesCandidate], settings: { pollIntervalMs: 40 * DAY } });
    await duban.engine.start('notes', {}, 'alice');
    await duban.store.db.updateTable('timers').set({ due_at: new Date(clock.now().getTime() + 30 * DAY).toISOString() }).execute();

    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const controller = new AbortController();
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number, ...args: unknown[]) => {
      delays.push(ms ?? 0);
      // The loop's sleep is the long one: stop the loop there instead of waiting.
      if ((ms ?? 0) > 60_000) queueMicrotask(() => controller.abort());
      return realSetTimeout(fn, Math.min(ms ?? 0, 10), ...args);
    }) as typeof setTimeout);
    await runServeLoop(duban, controller.signal);

    expect(delays).toContain(MAX_TIMER_MS);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it('leaves no abort listener behind, pass after pass, nor on the signal it was given', async () => {
    database = await createTestDatabase('sqlite');
    duban = await createDuban({ db: database.target, plugins: [notesCandidate], settings: { pollIntervalMs: 10 } });
    const warnings: string[] = [];
    const onWarning = (w: Error) => void warnings.push(w.name);
    process.on('warning', onWarning);
    const controller = new AbortController();
    let passes = 0;
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number, ...args: unknown[]) => {
      // Each sleep between passes is one setTimeout of the poll interval: stop after 40 of them.
      if (ms === 10 && ++passes >= 40) queueMicrotask(() => controller.abort());
      return realSetTimeout(fn, ms, ...args);
    }) as typeof setTimeout);
    try {
      await runServeLoop(duban, controller.signal);
      await new Promise((resolve) => realSetTimeout(resolve, 20));
    } finally {
      process.off('warning', onWarning);
    }
    expect(passes).toBeGreaterThanOrEqual(40);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
