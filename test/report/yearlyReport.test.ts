import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, yearPeriod, type Report } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { buildKnownMonth, REPORT_NOW, type KnownMonth } from './support/knownMonth.js';

describe.each(DIALECTS)('the yearly report on %s', (dialect) => {
  let month: KnownMonth;
  let report: Report;
  beforeAll(async () => {
    month = await buildKnownMonth(dialect);
    report = await buildReport(month.duban, { period: yearPeriod('2026', 'Asia/Shanghai', month.duban.clock.now()) });
  });
  afterAll(async () => month?.duban.dispose());

  it('reads a year not over yet as of now, and counts February and April too', () => {
    expect(report.report).toBe('yearly');
    expect(report.period).toMatchObject({ kind: 'year', label: '2026', from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z', asOf: REPORT_NOW });
    // March's 13 with F0 (February) and F6 (April 1st); F6 is open but due on 04-08, not overdue.
    expect(report.sections.findings!.data.totals).toMatchObject({ opened: 15, closed: 3, open: 13, overdue: 11 });
  });

  it('writes the key sentences of a year-end summary in Chinese and English, filled with the figures', () => {
    const sentences = report.sectionOrder.flatMap((id) => report.sections[id]!.sentences ?? []);
    expect(sentences).toEqual([
      {
        'zh-CN': '全年共发现督办问题 15 项，销号 3 项（其中逾期后销号 1 项）；年末尚未销号 13 项，其中逾期 11 项；升级督办 3 项，效果复查后重新打开 1 项。',
        en: 'This year the office raised 15 findings and closed 3 (1 after the due date); at year end 13 remained open, 11 of them overdue; 3 had been escalated and 1 reopened after the effectiveness re-check.',
      },
      // Days to close [1.5, 2, 10].
      { 'zh-CN': '问题从发现到销号的中位时长为 2.0 天，90% 的问题在 10.0 天内销号。', en: 'The median time from finding to closing was 2.0 days; 90% were closed within 10.0 days.' },
      // 8 / 11 = 72.7%; CT below its 98%, US at its 75%.
      {
        'zh-CN': '全年开展劳动纪律检查 3 次，准时率 72.7%，未达到 98.0% 的目标；1 个科室达标，1 个科室未达标。查出迟到 1 人次、早退 1 人次、离岗串岗 1 人次。',
        en: 'The office held 3 discipline checks this year; punctuality was 72.7%, short of the 98.0% target; 1 department met it and 1 did not. The checks found 1 late arrival, 1 early departure and 1 person away from their posts.',
      },
      {
        'zh-CN': '开展值班在岗检查 1 次、2 岗次，发现值班不在岗 1 人次；召开专题会议 1 次，当事人作检讨 1 次；复查在岗 1 次，复查仍不在岗 0 次，待复查 0 次。',
        en: '1 duty-post inspection checked 2 posts and found 1 person absent from a duty post; the departments held 1 corrective meeting, recording 1 self-criticism; at re-inspection 1 present, 0 absent again, 0 pending.',
      },
      // 20 + 20 rechecked against the labs' yearly LQAS samples 78 + 78 = 156: 116 short; 39 / 40 = 97.5%.
      {
        'zh-CN': '今年对 2 个县级实验室的 40 张痰片进行了盲法复检质控，较目标合同要求的 156 张少 116 张。复检符合率 97.5%，发现高假阳性 0 张、高假阴性 1 张、低假阳性 0 张、低假阴性 0 张、定量错误 0 张；2 轮评价中合格 1 轮、不合格 1 轮。',
        en: 'This year the institute rechecked 40 sputum slides of 2 county laboratories blind, 116 fewer than the 156 the target contract required. Concordance was 97.5%, with 0 high false positives, 1 high false negative, 0 low false positives, 0 low false negatives and 0 quantification errors; of 2 rounds, 1 passed and 1 failed.',
      },
      // 26 / 30 = 86.7% ≥ 85%; 17 / 20 = 85.0% ≥ 85%.
      {
        'zh-CN': '满2个月痰菌阴转率达 86.7%（26/30），初治菌阳病人治愈率达 85.0%（17/20），都达到了要求指标（阴转率 85.0%、治愈率 85.0%）。',
        en: 'The 2-month sputum conversion rate reached 86.7% (26/30) and the cure rate of new smear-positive patients 85.0% (17/20), both meeting the required indicators (conversion 85.0%, cure 85.0%).',
      },
      // Sessions of 2026: February's and March's held, March 20th cancelled, April 15th not yet held: 2 / 4.
      // Attendance (2 + 3) / (2 + 4) = 83.3%; pass rate (2 + 2) / (2 + 3) = 80.0%; people us1, us2, tech1, tech3, tech4: 5 / 20.
      {
        'zh-CN': '全年举办培训 2 期（计划 4 期，完成率 50.0%），共培训 5 人（年度目标 20 人，完成 25.0%）、5 人次；出勤率 83.3%，考核合格率 80.0%。',
        en: 'The office held 2 training sessions this year (of 4 planned, 50.0%), training 5 people (25.0% of the yearly target of 20), 5 person-times; attendance was 83.3% and the pass rate 80.0%.',
      },
      // CT over the year: 100 − (6 minor + 4 × 3 + 5) − 2 × 7 overdue − 1 closed late = 62.
      {
        'zh-CN': '全年科室质量积分前三名为一号县实验室（100 分）、质控办（100 分）、二号县实验室（95 分），末位为CT室（62 分）。',
        en: "This year's top departments by quality points were County lab 1 (100), Quality office (100), County lab 2 (95); last was CT room (62).",
      },
    ]);
  });

  it('leaves the sentences out of monthly reports', async () => {
    const { monthPeriod } = await import('../../core/index.js');
    const monthly = await buildReport(month.duban, { period: monthPeriod('2026-03', 'Asia/Shanghai', month.duban.clock.now()) });
    expect(monthly.sectionOrder.flatMap((id) => monthly.sections[id]!.sentences ?? [])).toEqual([]);
  });
});
