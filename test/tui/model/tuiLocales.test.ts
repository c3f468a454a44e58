import { describe, expect, it } from 'vitest';
import { summaryText } from '../../../cli/tui/summaryText.js';
import { tuiText } from '../../../cli/tui/i18n/tuiText.js';
import { displayWidth } from '../../../cli/tui/text/displayWidth.js';

// That every label exists in both languages is checked for all namespaces in test/i18n/catalogs.test.ts.
describe("the console's labels", () => {
  it('interpolate and pluralise', () => {
    expect(tuiText('en')('list.count', { count: 1 })).toBe('1 finding');
    expect(tuiText('en')('list.count', { count: 3 })).toBe('3 findings');
    expect(tuiText('zh-CN')('list.count', { count: 3 })).toBe('3 项问题');
  });
});

describe('summaryText (stdin or stdout not a terminal)', () => {
  const counts = [
    { department: 'CT', open: 3, overdue: 1, awaiting: 2 },
    { department: 'US', open: 10, overdue: 0, awaiting: 0 },
  ];

  it('counts by department with totals and says how to open the console', () => {
    const text = summaryText(counts, 'en', (id) => (id === 'CT' ? 'CT room' : 'Ultrasound'));
    expect(text).toContain('all departments');
    expect(text).toMatch(/all departments\s+13\s+1\s+2/);
    expect(text).toContain('run `duban tui` in an interactive terminal');
  });

  it('aligns Chinese department names by display width', () => {
    const lines = summaryText(counts, 'zh-CN', (id) => (id === 'CT' ? 'CT室' : '彩超室')).split('\n');
    const rows = lines.filter((l) => /^(CT|US|全部)/.test(l));
    expect(new Set(rows.map((r) => displayWidth(r))).size).toBe(1);
  });

  it('says when there are no findings', () => {
    expect(summaryText([], 'zh-CN', () => '')).toContain('尚无问题');
  });
});
