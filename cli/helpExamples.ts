import type { Command } from 'commander';
import type { Localized } from '../core/i18n/Localized.js';
import { shQuote } from './completion/shellQuote.js';

/** A command line shown in a command's help, with what it does. */
export interface HelpExample {
  /** The words after `duban`, as the shell passes them. */
  readonly args: readonly string[];
  readonly text: Localized;
}

// Ids as duban makes them (newId): a letter, a dash, 14 characters of time and chance.
const FINDING = 'f-m8xx9mz7bpnfay';
const INSTANCE = 'i-m8xx5rtpz5tn8y';
const SCHEDULE = 's-m8xx66p13q4k69';
const SPOT_CHECK_INPUT = '{"department":"CT","candidates":["tech1","head_ct"],"count":1}';

/**
 * The Examples section of the commands an office uses every day, by command path. Each
 * line is one that works as written (a test parses every one), with the org of the
 * documentation (CT room, `head_ct`, `tech1`, `office1`).
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly HelpExample[]>> = {
  findings: [
    { args: ['findings', 'list', '--overdue'], text: { 'zh-CN': '所有逾期未销号的问题', en: 'every overdue finding not closed' } },
    { args: ['findings', 'ack', FINDING, '--as', 'head_ct'], text: { 'zh-CN': '科主任确认收到问题', en: 'the head acknowledges a finding' } },
    { args: ['findings', 'plan', FINDING, '--action', '组织交接班培训', '--owner', 'tech1', '--due', '2027-01-15', '--as', 'head_ct'], text: { 'zh-CN': '登记整改措施、负责人与期限', en: 'record a corrective action, its owner and due date' } },
    { args: ['findings', 'close', FINDING, '--note', '复查合格', '--as', 'office1'], text: { 'zh-CN': '质控办验证后销号', en: 'the quality office verifies and closes' } },
  ],
  'findings list': [
    { args: ['findings', 'list', '--status', 'active', '--dept', 'CT'], text: { 'zh-CN': 'CT室尚未销号的问题', en: 'the CT room’s findings not closed yet' } },
    { args: ['findings', 'list', '--assignee', '@me', '--overdue'], text: { 'zh-CN': '我负责且已逾期的问题', en: 'my overdue findings' } },
    { args: ['findings', 'list', '--escalated', '--severity', 'critical', '--json'], text: { 'zh-CN': '已升级的严重问题，输出 JSON', en: 'escalated critical findings, as JSON' } },
  ],
  'findings show': [{ args: ['findings', 'show', FINDING], text: { 'zh-CN': '问题详情及其完整时间线', en: 'a finding with its whole timeline' } }],
  run: [
    { args: ['run', 'spot-check', '--input', SPOT_CHECK_INPUT, '--as', 'office1'], text: { 'zh-CN': '在CT室两名候选人中随机抽查一人', en: 'spot-check one of two candidates in the CT room' } },
    { args: ['run', 'duty-post-inspection', '--input', '{"department":"CT","posts":[{"post":"CT-night"}]}'], text: { 'zh-CN': '检查CT夜班岗位在岗情况', en: 'inspect the CT night duty post' } },
  ],
  send: [
    { args: ['send', INSTANCE, 'SUBMIT', '--data', '{"passed":true}', '--as', 'insp1'], text: { 'zh-CN': '登记抽查结果：合格', en: 'record a spot check as passed' } },
    { args: ['send', INSTANCE, 'SUBMIT', '--data', '{"passed":false,"note":"交接班记录缺失"}', '--revision', '2', '--as', 'insp1'], text: { 'zh-CN': '登记不合格（开出问题），仅当实例仍处于第 2 版时（不覆盖他人的修改）', en: 'record it as failed (a finding is opened), only if the instance is still at revision 2 (no overwriting)' } },
  ],
  'report monthly': [
    { args: ['report', 'monthly', '--month', '2026-03', '-o', '2026-03.xlsx'], text: { 'zh-CN': '三月月报，写成 Excel 文件（格式由扩展名决定）', en: 'the March report as an Excel file (the extension gives the format)' } },
    { args: ['report', 'monthly', '--month', '2026-03', '--dept', 'MT', '--format', 'html', '-o', 'mt-2026-03.html'], text: { 'zh-CN': '医技科三月月报，网页格式', en: 'medical technology’s March report, as a web page' } },
  ],
  'report yearly': [{ args: ['report', 'yearly', '--year', '2026', '-o', '2026.md'], text: { 'zh-CN': '年度报告，含可粘贴的年终总结要点', en: 'the yearly report with year-end summary sentences' } }],
  schedules: [
    { args: ['schedules', 'list'], text: { 'zh-CN': '所有计划及接下来的触发时间', en: 'every schedule with its next fire times' } },
    { args: ['schedules', 'pause', SCHEDULE], text: { 'zh-CN': '暂停一个计划', en: 'pause a schedule' } },
  ],
  'schedules add': [
    { args: ['schedules', 'add', '--name-zh', '每周抽查', '--name-en', 'Weekly spot check', '--cron', '0 9 * * 1', '--start-chain', 'spot-check', '--input', SPOT_CHECK_INPUT], text: { 'zh-CN': '每周一 9:00 启动一次抽查', en: 'start a spot check every Monday at 9:00' } },
    { args: ['schedules', 'add', '--name-zh', '逾期汇总', '--name-en', 'Overdue digest', '--cron', '0 8 * * 1-5', '--digest', 'role:office'], text: { 'zh-CN': '工作日 8:00 把逾期问题汇总发给质控办', en: 'send the overdue digest to the quality office on weekdays at 8:00' } },
    { args: ['schedules', 'add', '--name-zh', '夜间查岗', '--name-en', 'Night duty check', '--cron', '0 0 * * *', '--window', '22:00-06:00', '--remind', 'role:inspector', '--message-zh', '请查岗', '--message-en', 'Time to check the duty posts'], text: { 'zh-CN': '每晚在 22:00–06:00 间随机提醒督查员查岗', en: 'remind the inspectors at a random time between 22:00 and 06:00 each night' } },
  ],
  'org import': [
    { args: ['org', 'import', 'hospital.yaml', '--as', 'office1'], text: { 'zh-CN': '导入科室、人员、岗位与升级链', en: 'import departments, people, posts and escalation chains' } },
    { args: ['org', 'import', 'people.csv'], text: { 'zh-CN': '导入人员表（CSV，表头 id,name_zh,name_en,title,department,roles）', en: 'import a people sheet (CSV headed id,name_zh,name_en,title,department,roles)' } },
    { args: ['org', 'import', '-', '--format', 'csv'], text: { 'zh-CN': '从标准输入读取 CSV，如 his-export | duban org import - --format csv', en: 'read CSV from standard input, as in his-export | duban org import - --format csv' } },
  ],
  completion: [
    { args: ['completion', 'bash'], text: { 'zh-CN': 'bash 补全脚本：source <(duban completion bash)', en: 'the bash completion script: source <(duban completion bash)' } },
    { args: ['completion', 'fish'], text: { 'zh-CN': 'fish 补全脚本：duban completion fish | source', en: 'the fish completion script: duban completion fish | source' } },
  ],
};

/**
 * Adds an Examples section after the help of each command of {@link HELP_EXAMPLES}, in
 * the user's language.
 *
 * @throws Error when an example names a command the program does not have (a test runs this).
 */
export function addHelpExamples(program: Command, say: (text: Localized) => string): void {
  for (const [path, examples] of Object.entries(HELP_EXAMPLES)) {
    const command = path.split(' ').reduce<Command | undefined>((at, word) => at?.commands.find((c) => c.name() === word), program);
    if (!command) throw new Error(`help examples for "${path}", a command duban does not have`);
    const lines = examples.flatMap((e) => [`  ${program.name()} ${e.args.map(displayWord).join(' ')}`, `      ${say(e.text)}`]);
    command.addHelpText('after', `\n${say({ 'zh-CN': '示例：', en: 'Examples:' })}\n${lines.join('\n')}`);
  }
}

// Quoted only when the shell would split or expand the word.
function displayWord(word: string): string {
  return /^[\w@%+=:,./\p{Script=Han}-]+$/u.test(word) ? word : shQuote(word);
}
