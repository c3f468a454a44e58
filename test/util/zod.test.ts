import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChainSource } from '../../core/index.js';
import { parseNotification } from '../../core/notify/Notification.js';
import { parseScheduleInput } from '../../core/schedule/parseScheduleInput.js';
import { REPO_ROOT } from '../support/cli.js';

const VALID = readFileSync(`${REPO_ROOT}test/fixtures/chains/valid-minimal.yaml`, 'utf8');

function chainError(text: string): string {
  try {
    parseChainSource(text, 'c.yaml');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the chain was accepted');
}

// The schemas' own wording (a type, a size, an unknown key, an option) is zod's English
// locale, which the schema module configures: without it each would read "Invalid input".
describe('the schemas speak English', () => {
  it('a chain file with a wrong type, a key too many, a value too small', () => {
    expect(chainError(VALID.replace('version: 1', 'version: one'))).toBe('c.yaml:3: version: Invalid input: expected number, received string');
    expect(chainError(VALID.replace('version: 1', 'version: 1\ncolour: red'))).toBe('c.yaml:2: (root): Unrecognized key: "colour"');
    expect(chainError(VALID.replace('version: 1', 'version: 0'))).toBe('c.yaml:3: version: Too small: expected number to be >=1');
    expect(chainError(VALID.replace('title: { zh-CN: 有效, en: Valid }', "title: { zh-CN: '', en: Valid }"))).toBe(
      'c.yaml:4: title.zh-CN: Too small: expected string to have >=1 characters',
    );
  });

  it('a schedule over the catch-up cap, a notification with an unknown channel', () => {
    const schedule = { name: { 'zh-CN': '周检', en: 'Weekly' }, cron: '0 8 * * 1', action: { kind: 'startChain', chain: 'c' }, catchUpCap: 501 };
    expect(() => parseScheduleInput(schedule, 'Asia/Shanghai', new Date('2026-12-01T00:00:00Z'))).toThrow('catchUpCap: Too big: expected number to be <=500');
    expect(() => parseNotification({ to: { person: 'p' }, message: { 'zh-CN': '中', en: 'e' }, channels: ['sms'] })).toThrow(
      'notify.channels.0: Invalid option: expected one of "inbox"|"webhook"|"log"',
    );
  });
});
