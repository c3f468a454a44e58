import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../core/text/formatTable.js';
import { textWidth } from '../../core/text/textWidth.js';

// The CLI's and the plugins' tables measure text without string-width (whose
// Intl.Segmenter costs a command tens of milliseconds to make); the console measures
// with string-width, as Ink does. Both must agree on what an office prints.
const SAMPLES = [
  '',
  'plain ascii',
  '值班不在岗',
  'CT 科室 ok',
  '２０２６', // fullwidth digits
  'ｶﾀｶﾅ', // halfwidth katakana
  'tab\there',
  'bell\u0007',
  'e\u0301te\u0301', // combining acute
  'Zo\u00eb',
  '⚠ 未达标',
  '⚠\ufe0f',
  '✓ done',
  '😀 smile',
  '👍🏽',
  '👨‍👩‍👧',
  '🇨🇳 中国',
  '1\ufe0f\u20e3',
  '#\u20e3',
  '한국어',
  '\u1100\u1161', // Hangul jamo L+V
  'soft\u00adhyphen',
  'zero\u200bwidth',
  '\ufeffbom',
  '第 1 / 99,993 项',
];

describe('textWidth', () => {
  it.each(SAMPLES.map((s) => [JSON.stringify(s), s]))('%s is as wide as string-width says', (_label, sample) => {
    expect(textWidth(sample)).toBe(stringWidth(sample));
  });
});

describe('formatTable', () => {
  it('aligns Chinese and Latin cells by display width, right-aligning the columns asked for', () => {
    expect(formatTable(['科室', 'name', 'n'], [['CT', '王质控', '12'], ['超声科', 'Li', '3']], new Set([2]))).toEqual([
      '科室    name     n',
      'CT      王质控  12',
      '超声科  Li       3',
    ]);
  });
});
