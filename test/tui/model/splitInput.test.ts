import { describe, expect, it } from 'vitest';
import { splitInput, type KeyEvent } from '../../../cli/tui/keymap/splitInput.js';

function split(input: string, text: (seen: KeyEvent[]) => boolean = () => false): KeyEvent[] {
  const seen: KeyEvent[] = [];
  splitInput(input, {}, () => text(seen), (e) => seen.push(e));
  return seen;
}

describe('splitInput', () => {
  it('passes single keys through', () => {
    expect(split('j')).toEqual([{ input: 'j', key: {} }]);
  });

  it('splits keys that arrived together', () => {
    expect(split('jjk').map((e) => e.input)).toEqual(['j', 'j', 'k']);
  });

  it('names control characters', () => {
    expect(split('/\u0015')).toEqual([
      { input: '/', key: {} },
      { input: 'u', key: { ctrl: true } },
    ]);
    expect(split('x\r\t\u007f').slice(1).map((e) => e.key)).toEqual([{ return: true }, { tab: true }, { backspace: true }]);
  });

  it('keeps text whole once a prompt takes it', () => {
    const seen = split('/dept:CT 迟到\r', (s) => s.length > 0 && s[0]!.input === '/');
    expect(seen).toEqual([
      { input: '/', key: {} },
      { input: 'dept:CT 迟到', key: {} },
      { input: '\r', key: { return: true } },
    ]);
  });

  it('leaves events Ink already named alone', () => {
    const seen: KeyEvent[] = [];
    splitInput('', { downArrow: true }, () => false, (e) => seen.push(e));
    expect(seen).toEqual([{ input: '', key: { downArrow: true } }]);
  });
});

describe('splitInput with Esc typed just before a key', () => {
  it('reads Alt+key as Esc, then the key', () => {
    const seen: KeyEvent[] = [];
    splitInput('g', { meta: true }, () => false, (e) => seen.push(e));
    expect(seen).toEqual([
      { input: '', key: { escape: true } },
      { input: 'g', key: { meta: false } },
    ]);
  });
});
