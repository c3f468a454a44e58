/** The logging surface core code uses (pino's, narrowed to what duban calls). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  /** A logger that adds `bindings` to every line (pino's `child`); optional for plain loggers. */
  child?(bindings: Record<string, unknown>): Logger;
}
