import { AsyncLocalStorage } from 'node:async_hooks';
import { DubanError, isDubanError } from '../errors/DubanError.js';

interface GuardedStep {
  readonly plugin: string;
  readonly step: string;
  refused?: DubanError;
}

// The step whose code is running, followed through its awaits: an exit from anywhere else
// (the host's own code, another engine loading its plugins at the same time) is not refused.
const running = new AsyncLocalStorage<GuardedStep>();
let guards = 0;
let realExit: typeof process.exit = process.exit;

function refusingExit(code?: number | string | null): never {
  const step = running.getStore();
  if (!step) return realExit.call(process, code);
  step.refused = new DubanError('PLUGIN_EXIT_REFUSED', `${step.step} called process.exit(${code ?? ''}); a plugin may not end the process`, {
    details: { plugin: step.plugin, step: step.step },
  });
  throw step.refused;
}

/**
 * Runs one step of loading a plugin (importing its module, its `register()`) under two
 * rules, so that one plugin cannot take the host down with it:
 *
 * - **A time limit.** A step that has not settled after `timeoutMs` fails with
 *   `PLUGIN_TIMEOUT`. Without it a promise that never settles leaves nothing for Node's
 *   event loop to wait on, and every command ends with exit 13 and no word of why. The
 *   step itself cannot be cancelled: it is abandoned, and the plugin disabled.
 * - **No `process.exit`.** While the step runs, `process.exit` called from its code throws
 *   `PLUGIN_EXIT_REFUSED` instead of ending the process; an exit the plugin's code caught
 *   and swallowed still fails the step. The real `process.exit` is back once no step runs.
 *
 * @throws DubanError `PLUGIN_TIMEOUT`, `PLUGIN_EXIT_REFUSED`; else what the step threw.
 */
export async function guardPluginLoad<T>(plugin: string, step: string, run: () => T | Promise<T>, timeoutMs: number): Promise<Awaited<T>> {
  if (guards++ === 0) {
    realExit = process.exit;
    process.exit = refusingExit as typeof process.exit;
  }
  const guarded: GuardedStep = { plugin, step };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DubanError('PLUGIN_TIMEOUT', `${step} did not finish within ${timeoutMs} ms`, { details: { plugin, step, timeoutMs } })),
      timeoutMs,
    );
  });
  try {
    const result = await Promise.race([running.run(guarded, async () => run()), timeout]);
    if (guarded.refused) throw guarded.refused;
    return result;
  } catch (error) {
    throw guarded.refused ?? error;
  } finally {
    clearTimeout(timer);
    if (--guards === 0) {
      process.exit = realExit;
      // While enabled, an AsyncLocalStorage costs a hook on every promise of the process
      // (Node 20), the engine's event path included; loading is over, so switch it off.
      // The next guarded step enables it again.
      running.disable();
    }
  }
}

/** Whether `error` is one of {@link guardPluginLoad}'s own refusals (kept as they are, not wrapped). */
export function isGuardRefusal(error: unknown): error is DubanError {
  return isDubanError(error, 'PLUGIN_TIMEOUT') || isDubanError(error, 'PLUGIN_EXIT_REFUSED');
}
