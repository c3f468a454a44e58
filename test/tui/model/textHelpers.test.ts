import { describe, expect, it } from 'vitest';
import { formatRow, layoutColumns } from '../../../cli/tui/text/columns.js';
import { displayWidth } from '../../../cli/tui/text/displayWidth.js';
import { formatTime } from '../../../cli/tui/text/formatTime.js';
import { wrapToWidth } from '../../../cli/tui/text/wrapToWidth.js';
import { editLine, lineOf, lineText } from '../../../cli/tui/model/lineEdit.js';
import { barText } from '../../../cli/tui/model/barLength.js';
import { sparkline } from '../../../cli/tui/model/sparkline.js';

describe('layoutColumns and formatRow', () => {
  const specs = [
    { key: 'id', width: 10, priority: 1 },
    { key: 'title', width: 8, flex: true, priority: 9 },
    { key: 'who', width: 6, priority: 5 },
  ];

  it('gives the flex column what is left', () => {
    expect(layoutColumns(specs, 40).map((c) => c.placed)).toEqual([10, 22, 6]);
  });

  it('drops the lowest priority first when narrow', () => {
    expect(layoutColumns(specs, 20).map((c) => c.key)).toEqual(['title', 'who']);
  });

  it('aligns CJK and Latin cells by display width', () => {
    const columns = layoutColumns(specs, 40);
    const a = formatRow(columns, { id: 'f-1', title: '值班不在岗，交接班记录不完整', who: '李主任' });
    const b = formatRow(columns, { id: 'f-2', title: 'Late for shift', who: 'Li' });
    expect(displayWidth(a)).toBe(40);
    expect(displayWidth(b)).toBe(40);
    expect(a).toContain('…');
  });
});

describe('wrapToWidth', () => {
  it('wraps Latin at spaces and Chinese anywhere', () => {
    expect(wrapToWidth('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapToWidth('值班不在岗是不能容忍的', 8)).toEqual(['值班不在', '岗是不能', '容忍的']);
    for (const line of wrapToWidth('混合 mixed 文本 text that wraps 很多次', 7)) expect(displayWidth(line)).toBeLessThanOrEqual(7);
  });
});

describe('formatTime', () => {
  it('shows instants in the hospital time zone', () => {
    expect(formatTime('2026-03-02T01:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-02 09:00');
    expect(formatTime(null, 'Asia/Shanghai')).toBe('');
  });
});

describe('editLine', () => {
  it('types, pastes Chinese, moves and deletes', () => {
    let line = lineOf('');
    for (const ch of 'dept:CT') line = editLine(line, ch, ch);
    line = editLine(line, 'space', ' ');
    line = editLine(line, '迟到', '迟到');
    expect(lineText(line)).toBe('dept:CT 迟到');
    line = editLine(line, 'backspace', '');
    line = editLine(line, 'home', '');
    line = editLine(line, 'delete', '');
    expect(lineText(line)).toBe('dept:CT 迟');
    line = editLine(line, 'right', '');
    line = editLine(line, 'x', 'x');
    expect(lineText(line)).toBe('dxept:CT 迟');
    line = editLine(line, 'end', '');
    line = editLine(line, 'ctrl-w', '');
    expect(lineText(line)).toBe('dxept:CT ');
    expect(lineText(editLine(line, 'ctrl-u', ''))).toBe('');
  });

  it('ignores keys that are not text', () => {
    const line = lineOf('abc');
    for (const key of ['enter', 'esc', 'up', 'ctrl-s', 'tab']) expect(editLine(line, key, '')).toBe(line);
  });
});

describe('charts as text', () => {
  it('draws sparklines scaled to the largest value, gaps as spaces', () => {
    expect(sparkline([0, 4, 8], ['▁', '▅', '█'])).toBe('▁▅█');
    expect(sparkline([1, null, 1], ['_', '^'])).toBe('^ ^');
    expect(sparkline([0, 0], ['_', '^'])).toBe('__');
  });

  it('draws bars with eighths, or whole characters in ASCII', () => {
    expect(barText(10, 10, 4, '█', ['▏', '▎', '▍', '▌', '▋', '▊', '▉'])).toBe('████');
    expect(barText(5, 10, 4, '█', ['▏', '▎', '▍', '▌', '▋', '▊', '▉'])).toBe('██');
    expect(barText(1, 10, 4, '█', ['▏', '▎', '▍', '▌', '▋', '▊', '▉'])).toBe('▍'); // 0.4 cells: three eighths
    expect(barText(1, 100, 4, '#', [])).toBe('#');
    expect(barText(0, 10, 4, '#', [])).toBe('');
  });
});

describe('sparkline with a floor', () => {
  it('spreads rates near 100% over the glyphs', () => {
    expect(sparkline([0.85, 0.9, 1], ['1', '2', '3', '4'], 1, 0.85)).toBe('124');
    expect(sparkline([0.5, null], ['1', '2'], 1, 0.85)).toBe('1 ');
  });
});
