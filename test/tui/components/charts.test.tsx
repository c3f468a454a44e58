import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { BarChart } from '../../../cli/tui/components/BarChart.js';
import { DashboardView } from '../../../cli/tui/components/DashboardView.js';
import { FilterTabs } from '../../../cli/tui/components/FilterTabs.js';
import { Sparkline } from '../../../cli/tui/components/Sparkline.js';
import type { DashboardData } from '../../../cli/tui/data/DashboardData.js';
import { displayWidth } from '../../../cli/tui/text/displayWidth.js';
import { withLook } from '../support/withLook.js';

const frameOf = (node: Parameters<typeof withLook>[0], look: Parameters<typeof withLook>[1] = {}) => render(withLook(node, look)).lastFrame() ?? '';

describe('BarChart', () => {
  const data = [
    { label: 'CT CT室', value: 8 },
    { label: 'US 彩超室', value: 4 },
    { label: 'ER', value: 1 },
  ];

  it('draws bars in proportion, with the numbers written out', () => {
    const lines = frameOf(<BarChart data={data} width={40} />).split('\n');
    const bar = (line: string) => (line.match(/█/g) ?? []).length;
    expect(bar(lines[0]!)).toBeGreaterThan(bar(lines[1]!));
    expect(bar(lines[1]!)).toBeGreaterThan(bar(lines[2]!));
    expect(lines.map((l) => l.trim().split(' ').at(-1))).toEqual(['8', '4', '1']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });

  it('uses # in ASCII mode', () => {
    const frame = frameOf(<BarChart data={data} width={40} />, { ascii: true });
    expect(frame).toContain('#');
    expect(frame).not.toMatch(/[█▏▎▍▌▋▊▉]/);
  });
});

describe('Sparkline', () => {
  it('draws one glyph a period, then the last value and the range', () => {
    expect(frameOf(<Sparkline series={{ label: 'x', values: [0, 2, 4, 8] }} />)).toBe('▁▃▅█ 8 · 0–8');
    expect(frameOf(<Sparkline series={{ label: 'x', values: [0, 8] }} label="CT" />, { ascii: true })).toBe('CT _^ 8 · 0-8');
  });
});

describe('FilterTabs', () => {
  const tabs = [
    { label: 'My queue', count: 3 },
    { label: 'Overdue', count: 12_345 },
    { label: 'Closed', count: undefined },
  ];

  it('brackets the selected tab and shows counts, or … while counting', () => {
    expect(frameOf(<FilterTabs tabs={tabs} selected={1} width={80} />)).toBe(' My queue 3 [Overdue 12,345] Closed …');
  });

  it('scrolls so the selected tab stays in view', () => {
    const frame = frameOf(<FilterTabs tabs={tabs} selected={2} width={24} />);
    expect(frame).toContain('[Closed …]');
    expect(displayWidth(frame)).toBeLessThanOrEqual(24);
  });
});

describe('DashboardView', () => {
  const data: DashboardData = {
    overdueByDepartment: { kind: 'data', data: [{ label: 'CT', value: 3 }] },
    openedPerWeek: { kind: 'data', data: { label: 'opened', values: [1, 2, 3] } },
    closedPerWeek: { kind: 'empty', what: { 'zh-CN': '销号的问题', en: 'closed findings' } },
    punctualityTrend: {
      kind: 'data',
      data: { months: ['2026-01', '2026-02', '2026-03'], target: 0.98, departments: [{ label: 'CT', values: [0.9, null, 0.99], target: 0.98 }, { label: 'US', values: [1, 0.95, 0.96], target: 0.98 }] },
    },
    reportCharts: [
      { kind: 'data', title: { 'zh-CN': '各实验室复检符合率', en: 'Concordance by lab' }, data: { id: 'slideQc.concordance', title: { 'zh-CN': '各实验室复检符合率', en: 'Concordance by lab' }, format: 'percent', bars: [{ label: { 'zh-CN': '一县', en: 'County 1' }, value: 0.95 }] } },
      { kind: 'data', title: { 'zh-CN': '培训指标', en: 'Training figures' }, data: { id: 'training.figures', title: { 'zh-CN': '培训指标', en: 'Training figures' }, format: 'percent', target: 1, bars: [{ label: { 'zh-CN': '培训人数', en: 'People trained' }, value: 0.8 }] } },
      { kind: 'empty', title: { 'zh-CN': '科室质量积分', en: 'Quality points by department' }, what: { 'zh-CN': '科室质量积分', en: 'Quality points by department' } },
    ],
    unread: { kind: 'data', data: { count: 2, latest: [{ text: { 'zh-CN': '一项问题已升级给您处理', en: 'A finding was escalated to you' }, at: '2026-03-02T01:00:00.000Z' }] } },
  };

  it('draws what has data and says "no data yet" for the rest, never zeros', () => {
    const frame = frameOf(<DashboardView data={data} width={140} height={48} timeZone="Asia/Shanghai" departmentName={(id) => (id === 'CT' ? 'CT room' : '')} />);
    expect(frame).toContain('Overdue findings by department');
    expect(frame).toMatch(/CT CT room\s+█+\s+3/);
    expect(frame).toContain('▃▆█ 3 · 1–3');
    expect(frame).toContain('no data yet · closed findings appears here once it is recorded');
    expect(frame).toContain('Punctuality per department, by month (target 98.0%)');
    // Scaled from 85% (ten points under the target, rounded down) to 100%.
    expect(frame).toMatch(/CT CT room\s+▃ █ 99\.0% ✓ met/);
    expect(frame).toMatch(/US\s+█▆▆ 96\.0% ⚠ below target/);
    expect(frame).toMatch(/County 1\s+█+[▏▎▍▌▋▊▉]?\s+95\.0%/);
    expect(frame).toContain('Training figures · target 100.0%');
    expect(frame).toMatch(/People trained\s+█+[▏▎▍▌▋▊▉]?\s*┆\s+80\.0% ⚠ below target/);
    expect(frame).toMatch(/Quality points by department\s*\n\s*no data yet/);
    expect(frame).toContain('2 unread');
    expect(frame).toContain('2026-03-02 09:00 A finding was escalated to you');
  });

  it('speaks Chinese', () => {
    const frame = frameOf(<DashboardView data={data} width={140} height={40} timeZone="Asia/Shanghai" departmentName={() => 'CT室'} />, { lang: 'zh-CN' });
    expect(frame).toContain('各科室逾期问题');
    expect(frame).toContain('暂无数据');
    expect(frame).toContain('一项问题已升级给您处理');
  });
});

describe('DashboardView in Chinese at 140 columns', () => {
  const departments = Array.from({ length: 14 }, (_, i) => ({ label: `D${i + 1}`, values: [0.9, 0.95], target: 0.98 }));
  const data: DashboardData = {
    overdueByDepartment: { kind: 'data', data: departments.map((d, i) => ({ label: d.label, value: 20 - i })) },
    openedPerWeek: { kind: 'data', data: { label: 'opened', values: [1, 2] } },
    closedPerWeek: { kind: 'data', data: { label: 'closed', values: [1, 2] } },
    punctualityTrend: { kind: 'data', data: { months: ['2026-01', '2026-02'], target: 0.98, departments } },
    reportCharts: [
      {
        kind: 'data',
        title: { 'zh-CN': '培训指标', en: 'Training figures' },
        data: {
          id: 'training.figures',
          title: { 'zh-CN': '培训指标', en: 'Training figures' },
          format: 'percent',
          target: 1,
          bars: [
            { label: { 'zh-CN': '培训覆盖率（全院医技人员）', en: 'Coverage' }, value: 0.8 },
            { label: { 'zh-CN': '考核合格率', en: 'Passed' }, value: 1 },
          ],
        },
      },
    ],
    unread: { kind: 'data', data: { count: 0, latest: [] } },
  };
  const frame = frameOf(<DashboardView data={data} width={140} height={40} timeZone="Asia/Shanghai" departmentName={(id) => `${id}科`} />, { lang: 'zh-CN' });
  const lines = frame.split('\n');

  it('keeps a CJK status word on its line, each line within the width', () => {
    expect(frame).toMatch(/培训覆盖率（全院医技人员） █+[▏▎▍▌▋▊▉]?\s*┆\s+80\.0% ⚠ 未达标/);
    expect(frame).toMatch(/考核合格率\s+█+\s+100\.0% ✓ 达标/);
    expect(lines.some((l) => /^\s*(⚠ )?未达标\s*$/.test(l))).toBe(false);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(140);
  });

  it('says how many more a cut list leaves out', () => {
    // 40 rows give each list ten rows: 14 departments leave four out.
    expect(frame.match(/另有 4 项/g)).toHaveLength(2);
    expect(frame).not.toMatch(/^\s*\+\d+\s*$/m);
  });

  it('writes labels out where the panel has room', () => {
    expect(frame).not.toContain('…');
  });
});
