import { executionAsyncId } from 'node:async_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError } from '../../core/index.js';
import { guardPluginLoad } from '../../core/plugin/guardPluginLoad.js';

describe('guarding a plugin load step', () => {
  const original = process.exit;
  afterEach(() => {
    process.exit = original;
  });

  it('steps of two engines loading at once: each refusal names its own plugin, and process.exit is the real one after both', async () => {
    // A stand-in for the real exit, so that a call that is let through does not end the test run.
    const exits: unknown[] = [];
    const host = ((code?: number) => void exits.push(code)) as typeof process.exit;
    process.exit = host;
    let releaseFirst!: () => void;
    const first = guardPluginLoad('slow', 'register()', async () => {
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      process.exit(1);
    }, 60_000);
    const second = guardPluginLoad('quick', 'register()', () => process.exit(2), 60_000);
    // The host's own code, while both steps are under way: its exit goes through.
    process.exit(0);
    releaseFirst();
    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((o) => (o.status === 'rejected' && isDubanError(o.reason, 'PLUGIN_EXIT_REFUSED') ? o.reason.details : o.status))).toEqual([
      { plugin: 'slow', step: 'register()' },
      { plugin: 'quick', step: 'register()' },
    ]);
    expect(exits).toEqual([0]);
    expect(process.exit).toBe(host);
  });

  it('a step that never settles fails with PLUGIN_TIMEOUT after the limit it was given', async () => {
    const outcome = guardPluginLoad('hangs', 'register()', () => new Promise(() => {}), 50);
    await expect(outcome).rejects.toMatchObject({ code: 'PLUGIN_TIMEOUT', details: { plugin: 'hangs', timeoutMs: 50 } });
    expect(process.exit).toBe(original);
  });

  it('once no step runs the guard costs nothing on later promises, and a later step is guarded again', async () => {
    // Node tracks promises (one hook per promise, paid on every await of the event path)
    // only while an async hook or AsyncLocalStorage is enabled; each await then runs under a new id.
    const awaitIds = async () => {
      await null;
      const first = executionAsyncId();
      await null;
      return first === executionAsyncId() ? 'untracked' : 'tracked';
    };
    const exits: unknown[] = [];
    process.exit = ((code?: number) => void exits.push(code)) as typeof process.exit;
    const step = (plugin: string) =>
      guardPluginLoad(plugin, 'register()', async () => {
        await null;
        const tracked = await awaitIds();
        process.exit(3);
        return tracked;
      }, 60_000);
    await expect(step('first')).rejects.toMatchObject({ code: 'PLUGIN_EXIT_REFUSED', details: { plugin: 'first' } });
    expect(await awaitIds()).toBe('untracked');
    await expect(step('second')).rejects.toMatchObject({ code: 'PLUGIN_EXIT_REFUSED', details: { plugin: 'second' } });
    expect(await awaitIds()).toBe('untracked');
    expect(exits).toEqual([]);
  });
});
