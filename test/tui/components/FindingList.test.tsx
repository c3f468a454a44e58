import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { FindingList } from '../../../cli/tui/components/FindingList.js';
import { displayWidth } from '../../../cli/tui/text/displayWidth.js';
import { sampleFinding } from '../support/sampleFindings.js';
import { withLook } from '../support/withLook.js';

const names: Record<string, string> = { head_ct: '李主任' };
const personName = (id: string) => names[id] ?? id;

function list(props: { total: number; cursor?: number; top?: number; height?: number; width?: number; marks?: Set<string>; loaded?: (i: number) => boolean }, look: Parameters<typeof withLook>[1] = {}) {
  const asked: number[] = [];
  const rowAt = (i: number) => {
    asked.push(i);
    if (props.loaded && !props.loaded(i)) return undefined;
    return sampleFinding(i, i === 3 ? { overdue: true, severity: 'critical' } : i === 4 ? { status: 'awaiting_verification' } : {});
  };
  const view = render(
    withLook(
      <FindingList
        rowAt={rowAt}
        total={props.total}
        cursor={props.cursor ?? 0}
        top={props.top ?? 0}
        height={props.height ?? 8}
        width={props.width ?? 100}
        marks={props.marks ?? new Set()}
        timeZone="Asia/Shanghai"
        personName={personName}
        focused
      />,
      look,
    ),
  );
  return { frame: view.lastFrame() ?? '', asked };
}

describe('FindingList', () => {
  it('renders only the window, however long the list', () => {
    const { frame, asked } = list({ total: 100_000, top: 50_000, cursor: 50_002, height: 8 });
    expect(new Set(asked)).toEqual(new Set(Array.from({ length: 8 }, (_, i) => 50_000 + i)));
    expect(frame.split('\n')).toHaveLength(9);
    expect(frame).toContain('50002');
  });

  it('marks the cursor and the marked rows with symbols, not colour alone', () => {
    const { frame } = list({ total: 5, cursor: 1, marks: new Set([sampleFinding(2).id]) });
    const lines = frame.split('\n');
    expect(lines[2]!.startsWith('▶')).toBe(true);
    expect(lines[3]!.slice(0, 2)).toBe(' ●');
    const ascii = list({ total: 5, cursor: 1, marks: new Set([sampleFinding(2).id]) }, { ascii: true }).frame.split('\n');
    expect(ascii[2]!.startsWith('>')).toBe(true);
    expect(ascii[3]!.slice(0, 2)).toBe(' *');
  });

  it('says status, severity and overdue in words', () => {
    const { frame } = list({ total: 5 });
    expect(frame).toContain('○ open');
    expect(frame).toContain('◆ critical');
    expect(frame).toContain('⚠ overdue');
    expect(frame).toContain('◕ awaiting');
    const zh = list({ total: 5 }, { lang: 'zh-CN' }).frame;
    expect(zh).toContain('待处理');
    expect(zh).toContain('⚠ 逾期');
    expect(zh).toContain('李主任');
  });

  it('aligns Chinese columns by display width and truncates with an ellipsis', () => {
    const lines = list({ total: 5, width: 90 }, { lang: 'zh-CN' }).frame.split('\n').filter((l) => l.includes('李主任'));
    expect(lines).toHaveLength(5);
    const starts = lines.map((l) => displayWidth(l.slice(0, l.indexOf('李主任'))));
    expect(new Set(starts).size).toBe(1);
    expect(lines[0]).toContain('…');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(90);
  });

  it('drops the id column first when narrow', () => {
    expect(list({ total: 2, width: 120 }).frame).toContain('f-sample');
    expect(list({ total: 2, width: 70 }).frame).not.toContain('f-sample');
  });

  it('shows rows of pages not read yet as placeholders, and an empty list as such', () => {
    const { frame } = list({ total: 10, loaded: (i) => i < 2 });
    expect(frame.split('\n').filter((l) => l.includes('…') && !l.includes('post')).length).toBeGreaterThanOrEqual(6);
    expect(list({ total: 0 }).frame).toContain('No findings match.');
  });
});
