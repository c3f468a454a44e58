import { isDeepStrictEqual } from 'node:util';
import { isDubanError } from '../core/errors/DubanError.js';
import { loadConfig } from '../core/config/loadConfig.js';
import type { DubanConfig } from '../core/config/DubanConfig.js';
import type { Logger } from '../core/runtime/Logger.js';
import type { Session } from './session.js';

// What a running `serve` takes over from a reloaded config; any other change waits for a restart.
const LIVE_KEYS = ['notify', 'pollIntervalMs', 'lateAfterMs', 'logLevel'] as const;
const BOOKKEEPING = new Set(['configDir', 'configFile', 'configFiles', 'pluginsDir']);

/** A logger whose level can be changed while it runs (pino's). */
type LeveledLogger = Logger & { level?: string };

/**
 * Makes `serve` re-read its config on SIGHUP (systemd's `ExecReload`): the same files,
 * found the same way as at start. It applies the `notify` section, `pollIntervalMs`,
 * `lateAfterMs` and `logLevel` (`DUBAN_LOG` still wins) and logs `CONFIG_RELOADED` with
 * what it applied and what changed but needs a restart. A config that does not load is
 * logged as `CONFIG_INVALID` and the running one is kept. Returns the function that
 * stops listening.
 */
export function reloadOnHangup(session: Session, explicitFile: string | undefined): () => void {
  const logger: LeveledLogger = session.duban.logger;
  let current: DubanConfig = session.config;
  // Reloads run one after another, so quick signals apply in the order they came.
  let queue = Promise.resolve();
  const reload = async () => {
    let next: DubanConfig;
    try {
      next = await loadConfig(process.cwd(), explicitFile);
    } catch (error) {
      const code = isDubanError(error) ? error.code : 'CONFIG_INVALID';
      logger.error({ code, err: (error as Error).message }, 'config reload failed; serve keeps the config it runs with');
      return;
    }
    const changed = [...new Set([...Object.keys(current), ...Object.keys(next)])].filter(
      (key) => !BOOKKEEPING.has(key) && !isDeepStrictEqual(current[key as keyof DubanConfig], next[key as keyof DubanConfig]),
    ).sort();
    if (logger.level !== undefined) logger.level = process.env.DUBAN_LOG ?? next.logLevel ?? 'info';
    session.duban.reconfigure({
      notify: next.notify,
      settings: {
        ...(next.pollIntervalMs !== undefined ? { pollIntervalMs: next.pollIntervalMs } : {}),
        ...(next.lateAfterMs !== undefined ? { lateAfterMs: next.lateAfterMs } : {}),
      },
    });
    current = next;
    const live: readonly string[] = LIVE_KEYS;
    logger.info(
      { code: 'CONFIG_RELOADED', files: next.configFiles, applied: changed.filter((key) => live.includes(key)), restartNeeded: changed.filter((key) => !live.includes(key)) },
      'config reloaded',
    );
  };
  const onHangup = () => {
    queue = queue.then(reload);
  };
  process.on('SIGHUP', onHangup);
  return () => process.off('SIGHUP', onHangup);
}
