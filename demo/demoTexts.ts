/**
 * What the people of the demo hospital write: corrective actions, notes, verification
 * notes, reasons. In Chinese, as a Chinese hospital's staff write them; finding titles
 * and chain texts come from the chains themselves, in both languages.
 */

/** Corrective actions a department plans for a finding, by category (first one always used). */
export const ACTIONS_BY_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  'discipline.late': ['当事人书面说明迟到原因，科室晨会通报', '科室落实集中交班，主任每日签到核查一周'],
  'discipline.left_early': ['当事人书面检讨，科室重申考勤与请销假制度', '护士长每日下班前核对在岗人员'],
  'discipline.away_from_post': ['当事人书面检讨，科室内通报批评', '完善离岗登记与代岗制度，张贴上墙'],
  'discipline.punctuality': ['组织全科集中交班与劳动纪律专题学习', '科室考勤自查一个月，每周报质控办'],
  'duty-post.absent': ['当事人书面检讨，召开科室专题会议', '夜班增设二线值守，科主任每周夜查'],
  'duty-post.handover_incomplete': ['按交接班制度补全交接记录，逐项签字', '护士长每日抽查交接班记录'],
  'duty-post.work_log_missing': ['补齐工作日志，按日按月按年规范存档', '指定专人每周检查工作日志'],
  'slide-qc.major-errors': ['组织镜检人员参加痰涂片镜检复训', '结防所专家现场督导，复核近一月阳性片'],
  'slide-qc.false-negatives': ['复训低浓度（极少量）阳性片的判读', '增加室内质控，每周盲读质控片'],
};

/** The action when the category has none of its own. */
export const DEFAULT_ACTIONS: readonly string[] = ['科室制定整改措施并组织学习', '主任督促落实，一周后自查'];

/** What a head notes when planning. */
export const PLANNING_NOTES: readonly string[] = [
  '已约谈当事人，情况属实',
  '科室已于晨会通报，全员学习相关制度',
  '当事人已作书面说明，附科室处理意见',
  '已向分管院领导汇报整改安排',
];

/** The office's verification notes on closing. */
export const CLOSING_NOTES: readonly string[] = [
  '现场核实，整改措施已落实',
  '查阅交接班记录与考勤表，整改到位',
  '复查未再发现同类问题，同意销号',
  '整改材料齐全，验证通过',
];

/** Why the office sends a report back. */
export const REJECT_TEXTS: readonly string[] = ['佐证材料不全，请补充签到表与整改记录', '整改措施未落实到人，请补充'];

/** The action added after a rejected report. */
export const AFTER_REJECT_ACTION = '补充整改佐证材料（签到表、学习记录）';

/** Why the office escalates by hand. */
export const HAND_ESCALATION_REASONS: readonly string[] = ['科室未按时回复，且同类问题多次发生', '问题涉及医疗安全，提请上级督办'];

/** Why the office reopens a closed finding by hand. */
export const HAND_REOPEN_REASONS: readonly string[] = ['回访复查发现整改未落实，重新督办', '复查时发现同类问题仍存在'];

/** The planned actions of a finding of `category`. */
export function actionsFor(category: string): readonly string[] {
  return ACTIONS_BY_CATEGORY[category] ?? DEFAULT_ACTIONS;
}
