import { DateTime } from 'luxon';

// What every line has, shown in its own place rather than among the fields.
const FIXED = new Set(['time', 'level', 'msg', 'pid', 'hostname']);

/**
 * One pino JSON line as a person reads it on a terminal, on one line:
 * `2026-03-03 08:00:01.123 INFO  serve pass: 1 timer fired code=SERVE_PASS timersFired=1`.
 * The time is local in `timeZone`; fields follow the message as `key=value` (strings with
 * spaces quoted, objects as JSON); an error shows its message, its stack stays in the JSON
 * form. A line that is not pino's JSON is passed through as it is.
 */
export function readableLogLine(line: string, timeZone: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const time = typeof record.time === 'string' ? DateTime.fromISO(record.time).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm:ss.SSS') : '';
  const level = String(record.level ?? '').toUpperCase().padEnd(5);
  const fields = Object.entries(record)
    .filter(([key]) => !FIXED.has(key))
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  // A message with a line break (a plugin's, an error's) stays on its line.
  const message = String(record.msg ?? '').replace(/\r?\n/g, '\\n');
  return `${[time, level, message, ...fields].filter((part) => part !== '').join(' ')}\n`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  if (value !== null && typeof value === 'object' && 'message' in value && 'stack' in value) return JSON.stringify((value as { message: unknown }).message);
  // One line whatever the value: JSON never breaks a line.
  return JSON.stringify(value) ?? String(value);
}
