import { writeSync } from 'node:fs';
import { pino, type Logger as PinoLogger } from 'pino';
import { readableLogLine } from './readableLogLine.js';

/** Options of {@link serveLogger}. */
export interface ServeLoggerOptions {
  /** The lowest level written; default `DUBAN_LOG`, else `info`. */
  readonly level?: string;
  /** Readable lines instead of JSON; default: whether stderr is a terminal. */
  readonly readable?: boolean;
  /** The zone a readable line shows its time in. */
  readonly timeZone: string;
}

/**
 * The logger of `duban serve`, on stderr: pino JSON lines for log collectors (ISO 8601 UTC
 * `time`, the level's name, `pid`, `hostname`), or on a terminal one readable line per
 * record ({@link readableLogLine}). Messages are English, for operators and their tools;
 * what a script branches on is the line's `code` and fields.
 *
 * Both forms write synchronously in this thread: pino's transports (pino-pretty among
 * them) run in a worker thread, whose last lines are lost when the process exits before
 * the worker has flushed, and pino-pretty would add a dozen packages for what one
 * function does here.
 */
export function serveLogger(options: ServeLoggerOptions): PinoLogger {
  const readable = options.readable ?? process.stderr.isTTY === true;
  const destination = readable
    ? { write: (line: string) => void writeSync(2, readableLogLine(line, options.timeZone)) }
    : pino.destination({ fd: 2, sync: true });
  return pino(
    {
      level: options.level ?? process.env.DUBAN_LOG ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
