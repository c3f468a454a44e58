import type { Logger } from '../runtime/Logger.js';

/** A logger that drops everything: the default for library use and tests. */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};
