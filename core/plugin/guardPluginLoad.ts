import { DubanError, isDubanError } from '../errors/DubanError.js';

/**
 * Runs one step of loading a plugin (importing its module, its `register()`) under two
 * rules, so that one plugin cannot take the host down with it:
 *
 * - **A time limit.** A step that has not settled after `timeoutMs` fails with
 *   `PLUGIN_TIMEOUT`. Without it a promise that never settles leaves nothing for Node's
 *   event loop to wait on, and every command ends with exit 13 and no word of why. The
 *   step itself cannot be cancelled: it is abandoned, and the plugin disabled.
 * - **No `process.exit`.** While the step runs, `process.exit` throws `PLUGIN_EXIT_REFUSED`
 *   instead of ending the process; an exit the plugin's code caught and swallowed still
 *   fails the step. The real `process.exit` is back when the step settles or times out.
 *
 * @throws DubanError `PLUGIN_TIMEOUT`, `PLUGIN_EXIT_REFUSED`; else what the step threw.
 */
export async function guardPluginLoad<T>(plugin: string, step: string, run: () => T | Promise<T>, timeoutMs: number): Promise<Awaited<T>> {
  const realExit = process.exit;
  let exitRefused: DubanError | undefined;
  process.exit = ((code?: number | string | null) => {
    exitRefused = new DubanError('PLUGIN_EXIT_REFUSED', `${step} called process.exit(${code ?? ''}); a plugin may not end the process`, {
      details: { plugin, step },
    });
    throw exitRefused;
  }) as typeof process.exit;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DubanError('PLUGIN_TIMEOUT', `${step} did not finish within ${timeoutMs} ms`, { details: { plugin, step, timeoutMs } })),
      timeoutMs,
    );
  });
  try {
    const result = await Promise.race([Promise.resolve().then(run), timeout]);
    if (exitRefused) throw exitRefused;
    return result;
  } catch (error) {
    throw exitRefused ?? error;
  } finally {
    clearTimeout(timer);
    process.exit = realExit;
  }
}

/** Whether `error` is one of {@link guardPluginLoad}'s own refusals (kept as they are, not wrapped). */
export function isGuardRefusal(error: unknown): error is DubanError {
  return isDubanError(error, 'PLUGIN_TIMEOUT') || isDubanError(error, 'PLUGIN_EXIT_REFUSED');
}
