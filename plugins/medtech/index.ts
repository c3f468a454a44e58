import { definePlugin } from '../../core/plugin/index.js';
import { workflowFile } from '../workflowFile.js';
import { pointsCommand } from './commands/pointsCommand.js';
import { ATTENDANCE_STATUSES } from './lib/punctuality.js';
import { both, messages } from './locales/text.js';
import { disciplineReportSection } from './report/disciplineSection.js';
import { disciplineRecord } from './tasks/disciplineRecord.js';
import { disciplineScore } from './tasks/disciplineScore.js';
import { dutyPostAssess } from './tasks/dutyPostAssess.js';
import { dutyPostRecord } from './tasks/dutyPostRecord.js';

/**
 * Medical technology (医技科), usable by any department: discipline checks, duty-post
 * inspections with re-inspection, and the monthly workload points (`duban medtech points`).
 * Config: `pluginConfig.medtech.chiefBase`, the chief's base points.
 */
export const plugin = definePlugin({
  id: 'medtech',
  version: '0.1.0',
  engine: '^0.1.0',
  title: both('plugin.title'),
  description: both('plugin.description'),
  messages,
  labels: {
    categories: {
      'duty-post.absent': { 'zh-CN': '值班不在岗', en: 'Absent from the duty post' },
      'duty-post.handover_incomplete': { 'zh-CN': '交接班记录不完善', en: 'Handover record incomplete' },
      'duty-post.work_log_missing': { 'zh-CN': '工作日志未按规存档', en: 'Work log not filed' },
      'discipline.late': { 'zh-CN': '迟到', en: 'Late' },
      'discipline.left_early': { 'zh-CN': '早退', en: 'Left early' },
      'discipline.away_from_post': { 'zh-CN': '离岗串岗', en: 'Away from the post' },
      'discipline.punctuality': { 'zh-CN': '准时率未达标', en: 'Punctuality below target' },
    },
    fields: {
      person: { 'zh-CN': '人员', en: 'Person' },
      note: { 'zh-CN': '说明', en: 'Note' },
      reinspection: { 'zh-CN': '复查', en: 'Re-inspection' },
      punctuality: { 'zh-CN': '准时率', en: 'Punctuality' },
      status: { 'zh-CN': '出勤情况', en: 'Attendance' },
      recordedAt: { 'zh-CN': '记录时间', en: 'Recorded at' },
      // The parts of a punctuality figure.
      expected: { 'zh-CN': '在册', en: 'on the roster' },
      onLeave: { 'zh-CN': '请假', en: 'on leave' },
      onTime: { 'zh-CN': '准时', en: 'on time' },
      denominator: { 'zh-CN': '应到', en: 'due at work' },
      rate: { 'zh-CN': '准时率', en: 'rate' },
      target: { 'zh-CN': '目标', en: 'target' },
      belowTarget: { 'zh-CN': '低于目标', en: 'below target' },
    },
    values: { status: Object.fromEntries(ATTENDANCE_STATUSES.map((value) => [value, both(`status.${value}`)])) },
    formats: { rate: 'percent', target: 'percent' },
  },
  taskTypes: [disciplineRecord, disciplineScore, dutyPostRecord, dutyPostAssess],
  chains: [workflowFile('discipline-check.yaml'), workflowFile('duty-post-inspection.yaml')],
  // Its report follows each duty-post absence to the corrective meeting it started.
  readsChains: ['corrective-meeting'],
  commands: [pointsCommand],
  reportSections: [disciplineReportSection],
});
