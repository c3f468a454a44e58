import { describe, expect, it } from 'vitest';
import { readableLogLine } from '../../cli/readableLogLine.js';

const record = (fields: Record<string, unknown>) => JSON.stringify({ level: 'warn', time: '2026-03-03T00:00:01.500Z', pid: 7, hostname: 'h', ...fields });

describe('readable log lines', () => {
  it('local time in the zone, the level, the message, then the fields as key=value', () => {
    expect(readableLogLine(record({ msg: 'timer fired late', timer: 't-1', lateByMs: 5, to: { role: 'office' } }), 'Asia/Shanghai')).toBe(
      '2026-03-03 08:00:01.500 WARN  timer fired late timer=t-1 lateByMs=5 to={"role":"office"}\n',
    );
  });

  it('stays one line whatever the message, the fields or an error hold', () => {
    const line = readableLogLine(record({ msg: 'first\nsecond', note: 'a b\nc', err: { type: 'Error', message: 'db gone', stack: 'Error: db gone\n    at x' } }), 'UTC');
    expect(line).toBe('2026-03-03 00:00:01.500 WARN  first\\nsecond note="a b\\nc" err="db gone"\n');
    expect(line.split('\n')).toHaveLength(2);
  });

  it('passes a line that is not JSON through', () => {
    expect(readableLogLine('plain', 'UTC')).toBe('plain\n');
  });
});
