import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinesView } from '../../../cli/tui/components/LinesView.js';
import { tuiText } from '../../../cli/tui/i18n/tuiText.js';
import { detailLines } from '../../../cli/tui/model/detailLines.js';
import { ACTION_KEYS } from '../../../cli/tui/keymap/keymap.js';
import { ACTION_EVENTS, availabilityOf, FINDING_ACTIONS, type FindingAction } from '../../../cli/tui/model/findingPermissions.js';
import type { AccessDecision } from '../../../core/access/AccessDecision.js';
import { createTheme } from '../../../cli/tui/theme/Theme.js';
import { findingWords, type WordedFinding } from '../../../core/findings/findingWords.js';
import type { Language } from '../../../core/index.js';
import { importHospital } from '../../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { withLook } from '../support/withLook.js';

let duban: TestDuban;
let detail: WordedFinding;
/** What the core's can() answers office1 and head_ct for each action on the finding. */
const offered: Record<string, FindingAction[]> = {};
beforeAll(async () => {
  duban = await startTestDuban('sqlite');
  await importHospital(duban);
  const id = await duban.findings.open(
    { department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'duty.absent', severity: 'major', title: '值班不在岗', titleEn: 'Not at the post', description: '夜班 02:00 巡查时不在岗位。' },
    'office1',
  );
  await duban.findings.plan(id, 'office1', { text: '专题会议并检讨', owner: 'head_ct', due: '2026-03-09' });
  await duban.findings.actionDone(id, 'office1', 'a1', '已召开');
  await duban.findings.plan(id, 'office1', { text: '加强夜班巡查', owner: 'head_ct', due: '2026-03-20' });
  await duban.findings.note(id, 'head_ct', '已通知本人');
  await duban.findings.rootCause(id, 'head_ct', { category: 'method', text: '夜班交接制度不清' });
  duban.manualClock.advance(3600_000);
  await duban.findings.escalate(id, 'office1', '未按期整改');
  const found = await duban.findingQueries.get(id);
  detail = { ...found, words: await findingWords(found, { org: duban.org, plugins: duban.plugins, timeZone: 'Asia/Shanghai' }) };
  for (const actor of ['office1', 'head_ct']) {
    const decisions = new Map<string, AccessDecision>();
    for (const event of Object.values(ACTION_EVENTS)) decisions.set(event, await duban.access.can(actor, { instanceId: id }, event));
    offered[actor] = FINDING_ACTIONS.filter((a) => availabilityOf(a, decisions).ok);
  }
});
afterAll(async () => duban?.dispose());

const names: Record<string, string> = { office1: '王质控', head_ct: '李主任', tech1: '刘技师' };
function lines(lang: Language, width: number, actor = 'office1') {
  return detailLines(detail, {
    t: tuiText(lang),
    lang,
    theme: createTheme({ color: false, ascii: false }),
    width,
    timeZone: 'Asia/Shanghai',
    personName: (id) => names[id] ?? id,
    departmentName: (id) => (id === 'CT' ? 'CT室' : id),
    offered: offered[actor]!,
    actionKeys: ACTION_KEYS,
  });
}

describe('the finding detail', () => {
  it('shows every field, the actions, notes, escalations and the timeline from the audit log', () => {
    const text = lines('zh-CN', 70).map((l) => l.text).join('\n');
    for (const expected of [
      '值班不在岗',
      detail.id,
      '整改中',
      '▲ 严重',
      'CT CT室',
      '刘技师',
      'duty.absent',
      '升级层级  2',
      '夜班 02:00 巡查时不在岗位。',
      '☑ a1 已完成 · 纠正措施: 专题会议并检讨 · 李主任 · 2026-03-09',
      '已召开',
      '☐ a2 未完成 · 纠正措施: 加强夜班巡查',
      '李主任: 已通知本人',
      '未按期整改',
      // An escalation names its level in words, not as a code.
      '第 2 级 → ',
      // The timeline in words, its zone said once; no event or step keys.
      // The root cause's category by its label, not its key.
      '根因 ──',
      '方法: 夜班交接制度不清 (李主任',
      '时间线 (+08)',
      '王质控 立项',
      '制定措施 待处理→整改中',
      '措施完成',
      '备注',
      '升级',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toMatch(/\b(start|PLAN|ACTION_DONE|NOTE|ESCALATE|action_planned)\b/);
    expect(text).not.toMatch(/\bL\d\b/);
    expect(detail.timeline.length).toBeGreaterThanOrEqual(6);
  });

  it('offers only what the core’s can() allows the current person, with its key', () => {
    const summary = (actor?: string) =>
      lines('en', 70, actor)
        .filter((l) => l.tone === 'accent')
        .map((l) => l.text)
        .join(' ')
        // The offers wrap where the pane ends: read as one line.
        .replace(/\s+/g, ' ');
    // In action planning with an action still open: the office may also assign and escalate; the head plans, marks done, notes.
    expect(summary()).toContain('p plan action d mark done');
    expect(summary()).toContain('a assign e escalate');
    expect(summary('head_ct')).toContain('p plan action d mark done');
    expect(summary('head_ct')).toContain('n note');
    expect(summary('head_ct')).not.toMatch(/a assign|e escalate|c close/);
    // Nobody may submit while the action is open.
    expect(summary()).not.toContain('s submit');
    expect(summary('head_ct')).not.toContain('s submit');
  });

  it('scrolls: only the window of lines is drawn, each cut to the pane by display width', () => {
    const all = lines('zh-CN', 30);
    const frame = render(withLook(<LinesView lines={all} top={2} height={5} width={30} />, { lang: 'zh-CN' })).lastFrame() ?? '';
    const shown = frame.split('\n');
    expect(shown).toHaveLength(5);
    expect(shown[0]).toBe(all[2]!.text.trimEnd());
  });
});
