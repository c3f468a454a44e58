import type { CatalogOf } from '../../../core/plugin/index.js';
import type { en } from './en.js';

/** 质控办插件的中文文本；键与 `en.ts` 相同，缺一个即类型检查失败。 */
export const zhCN: CatalogOf<typeof en> = {
  'plugin.title': '质控办',
  'plugin.description': '质控办的现场抽查、整改专题会议与培训',

  'field.note': '备注',
  'field.person': '人员',
  'list.duplicate': '"{{value}}" 已在 {{path}} 列出',

  'meeting.minutes.title': '整改专题会议纪要',
  'meeting.minutes.heldAt': '召开时间',
  'meeting.minutes.place': '地点',
  'meeting.minutes.chair': '主持人',
  'meeting.minutes.attendees': '参会人员',
  'meeting.minutes.statements': '当事人发言',
  'meeting.minutes.statement.kind': '类型',
  'meeting.minutes.statement.text': '发言内容',
  'meeting.minutes.rootCause': '原因分析',
  'meeting.minutes.decisions': '会议决定',
  'meeting.minutes.decision': '决定',
  'meeting.minutes.notAttending': '"{{person}}" 有发言记录，但不在参会人员中',
  'statement.kind.statement': '情况说明',
  'statement.kind.self-criticism': '检讨',

  'actions.title': '整改措施',
  'actions.actions': '措施',
  'actions.id': '编号',
  'actions.action': '措施内容',
  'actions.owner': '责任人',
  'actions.due': '完成期限',
  'actions.trackingDue': '全部完成期限',
  'actions.afterTrackingDue': '期限 {{due}} 晚于跟踪截止 {{deadline}}',

  'actionDone.title': '整改措施完成登记',
  'actionDone.actionId': '措施编号',
  'actionDone.evidence': '完成佐证',
  'actionDone.notOpen': '没有编号为 "{{id}}" 的未完成措施；未完成：{{open}}',

  'verification.title': '质控办验证',
  'verification.checkAfter': '效果复查间隔（ISO 8601，如 P30D）',
  'verification.badDuration': '"{{value}}" 不是 ISO 8601 时长（如 P30D）',

  'effectiveness.title': '整改效果复查',
  'effectiveness.effective': '整改有效',
  'effectiveness.furtherActions': '进一步整改措施',
  'effectiveness.needActions': '整改无效：请填写进一步整改措施',
  'effectiveness.noActions': '整改有效：无效时才填写进一步整改措施',

  'training.kind.pre-job': '岗前培训',
  'training.kind.law-and-regulation': '法律法规（依法执业）',
  'training.kind.technical': '技术培训',
  'training.kind.procedure-workshop': '操作规程培训班',

  'plan.title': '培训计划',
  'plan.topic': '培训主题',
  'plan.kind': '培训类别',
  'plan.trainer': '授课人',
  'plan.audience': '培训对象（科室）',
  'plan.department': '科室',
  'plan.plannedDate': '计划日期',
  'plan.yearlyTarget': '年度培训人数目标',
  'plan.passMark': '合格分数线（默认 60）',

  'attendance.title': '签到',
  'attendance.heldOn': '实际培训日期',
  'attendance.expected': '应到人员',
  'attendance.present': '实到人员（已签到）',
  'attendance.notExpected': '"{{person}}" 已签到，但不在应到人员中',

  'scores.title': '考核成绩',
  'scores.scores': '成绩',
  'scores.score': '分数',
  'scores.notPresent': '"{{person}}" 未签到',

  'makeUp.compute.title': '生成补训补考名单',
  'makeUp.results.title': '补训补考结果',
  'makeUp.results.results': '结果',
  'makeUp.results.attended': '参加补训补考',
  'makeUp.results.notOnList': '"{{person}}" 不在补训补考名单中',
  'makeUp.results.missing': '缺少 "{{person}}" 的结果：名单中每人都须登记',
  'makeUp.results.needScore': '已参加补训补考：请填写分数',
  'makeUp.reason.absent': '缺席',
  'makeUp.reason.failed': '考核不合格',
  'makeUp.reason.not-assessed': '未参加考核',

  'archive.title': '培训归档',

  'figures.sessionsHeld': '培训计划完成率（已办/计划）',
  'figures.attendance': '出勤率',
  'figures.passRate': '考核合格率',
  'figures.peopleTrained': '年度培训人数完成率',
  'figures.personTimes': '培训人次',

  'report.year':
    '全年举办培训 {{sessions}}（计划 {{planned}} 期，完成率 {{sessionRate}}），共培训 {{people}}{{versus}}、{{personTimes}}；出勤率 {{attendance}}，考核合格率 {{passRate}}。',
  'report.versusTarget': '（年度目标 {{target}} 人，完成 {{rate}}）',
  'report.noTarget': '（未设年度目标）',
  'report.sessions_other': '{{count}} 期',
  'report.people_other': '{{count}} 人',
  'report.personTimes_other': '{{count}} 人次',
} as const;
