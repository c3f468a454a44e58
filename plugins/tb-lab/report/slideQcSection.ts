import { formatPercent, type Localized, type ReportColumn, type ReportSection, type ReportSectionDefinition } from '../../../core/plugin/index.js';
import { SMEAR_QUALITY_FEATURES } from '../lib/smearQuality.js';
import { both, counts } from '../locales/text.js';
import { querySlideQcFigures } from './querySlideQcFigures.js';
import type { LabSlideQcFigures, SlideQcFigures } from './SlideQcFigures.js';

const TOTAL: Localized = { 'zh-CN': '合计', en: 'Total' };
const LAB_COLUMN: ReportColumn = { key: 'department', label: { 'zh-CN': '县级实验室', en: 'County lab' }, format: 'department' };

const FEATURE_LABELS: Readonly<Record<(typeof SMEAR_QUALITY_FEATURES)[number], Localized>> = {
  specimen: { 'zh-CN': '标本', en: 'Specimen' },
  staining: { 'zh-CN': '染色', en: 'Staining' },
  thickness: { 'zh-CN': '厚度', en: 'Thickness' },
  size: { 'zh-CN': '大小', en: 'Size' },
  evenness: { 'zh-CN': '均匀度', en: 'Evenness' },
  cleanliness: { 'zh-CN': '洁净度', en: 'Cleanliness' },
};

/**
 * Sputum slide QC (痰片质控) per county lab: slides rechecked against the yearly target,
 * the error classes, concordance, pass/fail, smear quality; and the programme indicators
 * (2-month conversion, cure rate) with their denominators.
 */
export const slideQcReportSection: ReportSectionDefinition = {
  id: 'slideQc',
  title: { 'zh-CN': '痰片质控（盲法复检）', en: 'Sputum slide QC (blinded rechecking)' },
  order: 30,
  build: async (ctx) => slideQcSection(await querySlideQcFigures(ctx), ctx.period.kind === 'year'),
};

/** Lays out the slide QC figures as a report section. Pure. */
export function slideQcSection(f: SlideQcFigures, withSentences: boolean): ReportSection {
  const rows = <T>(make: (label: string | Localized, l: LabSlideQcFigures) => T) => [...f.labs.map((l) => make(l.department, l)), make(TOTAL, f.totals)];
  const ind = f.indicators;
  return {
    data: f as unknown as Record<string, unknown>,
    tables: [
      {
        id: 'labs',
        title: { 'zh-CN': '各县级实验室复检与评价', en: 'Rechecking and verdicts by county lab' },
        columns: [
          LAB_COLUMN,
          { key: 'rounds', label: { 'zh-CN': '评价轮次', en: 'Rounds' }, format: 'integer' },
          { key: 'passed', label: { 'zh-CN': '合格', en: 'Passed' }, format: 'integer' },
          { key: 'failed', label: { 'zh-CN': '不合格', en: 'Failed' }, format: 'integer' },
          { key: 'slidesRechecked', label: { 'zh-CN': '本期复检张数', en: 'Slides rechecked' }, format: 'integer' },
          { key: 'slidesRecheckedYearToDate', label: { 'zh-CN': '年累计复检', en: 'Year to date' }, format: 'integer' },
          { key: 'yearlyTarget', label: { 'zh-CN': '年度目标', en: 'Yearly target' }, format: 'integer' },
          { key: 'targetProgress', label: { 'zh-CN': '目标完成率', en: 'Of target' }, format: 'percent' },
          { key: 'concordance', label: { 'zh-CN': '符合率', en: 'Concordance' }, format: 'percent' },
          { key: 'majorErrors', label: { 'zh-CN': '严重差错', en: 'Major errors' }, format: 'integer' },
          { key: 'minorErrors', label: { 'zh-CN': '一般差错', en: 'Minor errors' }, format: 'integer' },
        ],
        rows: rows((department, l) => ({
          department,
          rounds: l.rounds,
          passed: l.passed,
          failed: l.failed,
          slidesRechecked: l.slidesRechecked,
          slidesRecheckedYearToDate: l.slidesRecheckedYearToDate,
          yearlyTarget: l.yearlyTarget,
          targetProgress: l.yearlyTarget ? l.slidesRecheckedYearToDate / l.yearlyTarget : null,
          concordance: l.concordance,
          majorErrors: l.majorErrors,
          minorErrors: l.minorErrors,
        })),
      },
      {
        id: 'errorClasses',
        title: { 'zh-CN': '差错分类（仲裁后）', en: 'Error classes (after the umpire)' },
        columns: [
          LAB_COLUMN,
          { key: 'correct', label: { 'zh-CN': '符合', en: 'Correct' }, format: 'integer' },
          { key: 'HFP', label: { 'zh-CN': '高假阳性', en: 'HFP' }, format: 'integer' },
          { key: 'HFN', label: { 'zh-CN': '高假阴性', en: 'HFN' }, format: 'integer' },
          { key: 'LFP', label: { 'zh-CN': '低假阳性', en: 'LFP' }, format: 'integer' },
          { key: 'LFN', label: { 'zh-CN': '低假阴性', en: 'LFN' }, format: 'integer' },
          { key: 'QE', label: { 'zh-CN': '定量错误', en: 'QE' }, format: 'integer' },
        ],
        rows: rows((department, l) => ({ department, ...l.counts })),
      },
      {
        id: 'smearQuality',
        title: { 'zh-CN': '涂片质量（合格比例）', en: 'Smear quality (share good)' },
        columns: [
          LAB_COLUMN,
          ...SMEAR_QUALITY_FEATURES.map((feature): ReportColumn => ({ key: feature, label: FEATURE_LABELS[feature], format: 'percent' })),
          { key: 'slidesScored', label: { 'zh-CN': '评分张数', en: 'Slides scored' }, format: 'integer' },
          { key: 'slidesAllGood', label: { 'zh-CN': '全项合格', en: 'All good' }, format: 'integer' },
        ],
        rows: rows((department, l) => ({
          department,
          ...Object.fromEntries(SMEAR_QUALITY_FEATURES.map((feature) => [feature, l.smearQuality.features[feature].goodRate])),
          slidesScored: l.smearQuality.slidesScored,
          slidesAllGood: l.smearQuality.slidesAllGood,
        })),
      },
      {
        id: 'indicators',
        title: { 'zh-CN': '规划指标（年累计）', en: 'Programme indicators (year to date)' },
        columns: [
          LAB_COLUMN,
          { key: 'cohort', label: { 'zh-CN': '队列', en: 'Cohort' }, format: 'text' },
          { key: 'registered', label: { 'zh-CN': '新涂阳登记数', en: 'Registered' }, format: 'integer' },
          { key: 'converted', label: { 'zh-CN': '满2个月阴转', en: 'Converted at 2 months' }, format: 'integer' },
          { key: 'conversionRate', label: { 'zh-CN': '阴转率', en: 'Conversion rate' }, format: 'percent' },
          { key: 'cured', label: { 'zh-CN': '治愈', en: 'Cured' }, format: 'integer' },
          { key: 'cureRate', label: { 'zh-CN': '治愈率', en: 'Cure rate' }, format: 'percent' },
        ],
        rows: [
          ...ind.cohorts.map((c) => ({
            department: c.department,
            cohort: c.cohort,
            registered: c.registered,
            converted: c.converted,
            conversionRate: c.converted === null || c.registered === 0 ? null : c.converted / c.registered,
            cured: c.cured,
            cureRate: c.cured === null || c.registered === 0 ? null : c.cured / c.registered,
          })),
          {
            department: TOTAL,
            cohort: null,
            registered: null,
            converted: ind.conversion.numerator,
            conversionRate: ind.conversion.rate,
            cured: ind.cure.numerator,
            cureRate: ind.cure.rate,
          },
        ],
      },
    ],
    charts: [
      { id: 'concordance', title: { 'zh-CN': '各实验室复检符合率', en: 'Concordance by lab' }, table: 'labs', label: 'department', value: 'concordance' },
      { id: 'targetProgress', title: { 'zh-CN': '年度复检目标完成率', en: 'Yearly rechecking target reached' }, table: 'labs', label: 'department', value: 'targetProgress', target: 1 },
    ],
    sentences: withSentences ? slideQcSentences(f) : [],
    notes: [
      {
        'zh-CN': `差错分类依 WHO/IUATLD《痰涂片镜检外部质量评价》（2002），不一致玻片以仲裁复读为准；符合率 = 符合张数 ÷ 复检张数。阴转率、治愈率的分母均为队列中登记的全部新涂阳肺结核患者（阴转率分母 ${ind.conversion.denominator}，治愈率分母 ${ind.cure.denominator}）。`,
        en: `Error classes after the WHO/IUATLD guide External Quality Assessment for AFB Smear Microscopy (2002), discordant slides by the umpire's reading; concordance = correct ÷ rechecked. Both indicators have as denominator all new smear-positive pulmonary TB patients registered in the cohorts (conversion ${ind.conversion.denominator}, cure ${ind.cure.denominator}).`,
      },
    ],
  };
}

function slideQcSentences(f: SlideQcFigures): Localized[] {
  const t = f.totals;
  const c = t.counts;
  const target = t.yearlyTarget;
  const diff = target === null ? 0 : t.slidesRecheckedYearToDate - target;
  const versus = target === null ? both('report.noTarget') : both(diff >= 0 ? 'report.moreThanTarget' : 'report.fewerThanTarget', { diff: Math.abs(diff), target });
  const ind = f.indicators;
  const met = (rate: number | null, goal: number) => rate !== null && rate >= goal;
  const bothMet = met(ind.conversion.rate, ind.conversionTarget) && met(ind.cure.rate, ind.cureTarget);
  const sentences: Localized[] = [
    both('report.year', {
      ...counts('report', { slides: t.slidesRecheckedYearToDate, labs: f.labs.length, hfp: c.HFP, hfn: c.HFN, lfp: c.LFP, lfn: c.LFN, qe: c.QE, rounds: t.rounds }),
      versus,
      concordance: formatPercent(t.concordance),
      passed: t.passed,
      failed: t.failed,
    }),
  ];
  if (ind.cohorts.length > 0) {
    sentences.push({
      'zh-CN': `满2个月痰菌阴转率达 ${formatPercent(ind.conversion.rate)}（${ind.conversion.numerator}/${ind.conversion.denominator}），初治菌阳病人治愈率达 ${formatPercent(ind.cure.rate)}（${ind.cure.numerator}/${ind.cure.denominator}），${bothMet ? '都达到了' : '未全部达到'}要求指标（阴转率 ${formatPercent(ind.conversionTarget)}、治愈率 ${formatPercent(ind.cureTarget)}）。`,
      en: `The 2-month sputum conversion rate reached ${formatPercent(ind.conversion.rate)} (${ind.conversion.numerator}/${ind.conversion.denominator}) and the cure rate of new smear-positive patients ${formatPercent(ind.cure.rate)} (${ind.cure.numerator}/${ind.cure.denominator}), ${bothMet ? 'both meeting' : 'not both meeting'} the required indicators (conversion ${formatPercent(ind.conversionTarget)}, cure ${formatPercent(ind.cureTarget)}).`,
    });
  }
  return sentences;
}
