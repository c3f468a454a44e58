import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../core/index.js';
import { displayWidth, fitToWidth, padToWidth, singleLine, truncateToWidth } from '../../../cli/tui/text/displayWidth.js';

describe('truncateToWidth', () => {
  it('cuts CJK by display width, with an ellipsis', () => {
    expect(displayWidth('值班不在岗')).toBe(10);
    expect(truncateToWidth('值班不在岗', 5)).toBe('值班…');
    expect(truncateToWidth('值班不在岗', 4)).toBe('值…');
    expect(truncateToWidth('值班不在岗', 10)).toBe('值班不在岗');
  });

  it('never splits a wide character across the edge', () => {
    // 6 columns: "值班" (4) + ellipsis (1) = 5; the third character would need 2 more.
    expect(truncateToWidth('值班不在岗', 6)).toBe('值班…');
    expect(fitToWidth('值班不在岗', 6)).toBe('值班… ');
  });

  it('cuts mixed Latin and CJK text', () => {
    expect(truncateToWidth('CT夜班 night duty', 8)).toBe('CT夜班 …');
    expect(displayWidth(truncateToWidth('CT夜班 night duty', 8))).toBe(8);
  });

  it('keeps grapheme clusters whole', () => {
    expect(truncateToWidth('👩‍⚕️👩‍⚕️👩‍⚕️', 5)).toBe('👩‍⚕️👩‍⚕️…');
  });

  it('uses the ASCII ellipsis it is given', () => {
    expect(truncateToWidth('abcdef', 4, '~')).toBe('abc~');
  });

  it('returns nothing for no room', () => {
    expect(truncateToWidth('abc', 0)).toBe('');
  });

  it('is exactly the width asked for, whatever the text (seeded random strings)', () => {
    const random = mulberry32(20260302);
    const alphabet = ['a', 'Z', ' ', '值', '班', '岗', '。', '👩‍⚕️', 'é', '\t', 'Ａ', '…'];
    for (let n = 0; n < 500; n++) {
      const length = Math.floor(random() * 30);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const width = 1 + Math.floor(random() * 40);
      expect(displayWidth(fitToWidth(text, width))).toBe(width);
    }
  });
});

describe('padToWidth and singleLine', () => {
  it('pads by display width', () => {
    expect(padToWidth('科室', 6)).toBe('科室  ');
    expect(padToWidth('12', 4, 'right')).toBe('  12');
  });

  it('flattens control characters', () => {
    expect(singleLine('a\nb\tc')).toBe('a b c');
  });
});
