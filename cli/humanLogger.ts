import type { Logger } from '../core/runtime/Logger.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/**
 * The logger of one-shot commands: warnings and errors as plain lines on stderr
 * (`duban: warning: plugin x disabled: ...`), info and debug only when `DUBAN_LOG` asks.
 * `duban serve` logs through pino instead (`serveLogger`), for log collectors.
 */
export function humanLogger(level: string = process.env.DUBAN_LOG ?? 'warn'): Logger {
  const min = Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]));
  const write = (at: (typeof LEVELS)[number], obj: object, msg?: string) => {
    if (LEVELS.indexOf(at) < min) return;
    const label = at === 'warn' ? 'warning' : at;
    process.stderr.write(`duban: ${label}: ${msg ?? ''}${at === 'debug' ? ` ${JSON.stringify(obj)}` : ''}\n`);
  };
  return {
    debug: (obj, msg) => write('debug', obj, msg),
    info: (obj, msg) => write('info', obj, msg),
    warn: (obj, msg) => write('warn', obj, msg),
    error: (obj, msg) => write('error', obj, msg),
  };
}
