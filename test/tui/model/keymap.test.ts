import { describe, expect, it } from 'vitest';
import { helpSections } from '../../../cli/tui/keymap/helpSections.js';
import { keyLabel, keyName } from '../../../cli/tui/keymap/keyName.js';
import { KEYMAP, resolveCommand, type KeyScope } from '../../../cli/tui/keymap/keymap.js';
import { tuiText } from '../../../cli/tui/i18n/tuiText.js';

describe('keyName', () => {
  it('names keys as the keymap writes them', () => {
    expect(keyName('j', {})).toBe('j');
    expect(keyName('', { downArrow: true })).toBe('down');
    expect(keyName('d', { ctrl: true })).toBe('ctrl-d');
    expect(keyName(' ', {})).toBe('space');
    expect(keyName('', { tab: true, shift: true })).toBe('shift-tab');
    expect(keyName('', { escape: true })).toBe('esc');
    expect(keyName('\r', { return: true })).toBe('enter');
  });

  it('labels arrows as words in ASCII mode', () => {
    expect(keyLabel('down', false)).toBe('↓');
    expect(keyLabel('down', true)).toBe('down');
  });
});

describe('the keymap', () => {
  const listScopes: KeyScope[] = ['list', 'global'];

  it('binds the keys of the issue', () => {
    const expected: Record<string, string> = {
      j: 'down', k: 'up', down: 'down', up: 'up', g: 'top', G: 'bottom', 'ctrl-d': 'halfDown', 'ctrl-u': 'halfUp',
      enter: 'open', esc: 'back', q: 'quit', '?': 'help', '/': 'filter', space: 'mark', V: 'markAll',
      e: 'escalate', c: 'close', a: 'assign', n: 'note', r: 'refresh', L: 'lang',
    };
    for (const [key, command] of Object.entries(expected)) expect(resolveCommand(KEYMAP, listScopes, key), key).toBe(command);
  });

  it('never binds Esc to quit, in any scope', () => {
    for (const binding of KEYMAP) if (binding.keys.includes('esc')) expect(binding.command).not.toBe('quit');
  });

  it('binds no key twice within a scope', () => {
    const seen = new Set<string>();
    for (const b of KEYMAP) for (const k of b.keys) {
      const id = `${b.scope}:${k}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
    }
  });

  it('lets a specific scope shadow a global key', () => {
    expect(resolveCommand(KEYMAP, ['form', 'global'], 'j')).toBe('nextField');
  });

  it('generates help from the bindings, marking what the role may not do', () => {
    const sections = helpSections(KEYMAP, listScopes, tuiText('en'), { ascii: false, unavailable: new Set(['close']) });
    expect(sections.map((s) => s.title)).toEqual(['Findings list', 'Everywhere']);
    const close = sections[0]!.lines.find((l) => l.keys === 'c')!;
    expect(close).toEqual({ keys: 'c', label: 'close (asks the verification note)', available: false });
    expect(sections[0]!.lines.find((l) => l.keys === 'j ↓')!.available).toBe(true);
    const zh = helpSections(KEYMAP, ['global'], tuiText('zh-CN'), { ascii: true });
    expect(zh[0]!.lines.find((l) => l.keys === 'q ctrl-c')!.label).toBe('退出');
  });
});
