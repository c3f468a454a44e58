import type { Severity } from '../../core/findings/Finding.js';

/** A kind of finding the fixture hospital records: category, severity and title in both languages. */
export interface FixtureFindingKind {
  readonly category: string;
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
  readonly subjectKind: 'person' | 'post' | 'department';
}

/** Findings of the kinds DOMAIN.md describes (discipline, duty posts, records, slide QC). */
export const FIXTURE_KINDS: readonly FixtureFindingKind[] = [
  { category: 'discipline.late', severity: 'minor', zh: '迟到', en: 'Late for shift', subjectKind: 'person' },
  { category: 'discipline.left-early', severity: 'minor', zh: '早退', en: 'Left early', subjectKind: 'person' },
  { category: 'discipline.away', severity: 'major', zh: '离岗串岗', en: 'Away from post, wandering to other posts', subjectKind: 'person' },
  { category: 'discipline.slow-start', severity: 'minor', zh: '上班拖拉', en: 'Dragging on shift start', subjectKind: 'person' },
  { category: 'duty.absent', severity: 'critical', zh: '值班不在岗', en: 'On duty but not at the post', subjectKind: 'post' },
  { category: 'duty.handover', severity: 'major', zh: '交接班记录不完整', en: 'Shift handover record incomplete', subjectKind: 'post' },
  { category: 'records.worklog', severity: 'minor', zh: '工作日志未按日按月按年规范存档', en: 'Work logs not filed by day, month and year', subjectKind: 'department' },
  { category: 'fees.uncollected', severity: 'major', zh: '偷收漏收费用', en: 'Fees uncollected', subjectKind: 'department' },
  { category: 'slides.error', severity: 'major', zh: '痰片复检高假阳性', en: 'Slide recheck: high false positive', subjectKind: 'department' },
  { category: 'callback.missed', severity: 'minor', zh: '出院病人三日内未回访', en: 'Discharged patient not called back within 3 days', subjectKind: 'department' },
];
