import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinesView } from '../../../cli/tui/components/LinesView.js';
import { tuiText } from '../../../cli/tui/i18n/tuiText.js';
import { detailLines } from '../../../cli/tui/model/detailLines.js';
import { actionAvailability, type FindingAction } from '../../../cli/tui/model/findingPermissions.js';
import { createTheme } from '../../../cli/tui/theme/Theme.js';
import type { FindingDetail, Language } from '../../../core/index.js';
import { importHospital } from '../../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { withLook } from '../support/withLook.js';

let duban: TestDuban;
let detail: FindingDetail;
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
  duban.manualClock.advance(3600_000);
  await duban.findings.escalate(id, 'office1', '未按期整改');
  detail = await duban.findingQueries.get(id);
});
afterAll(async () => duban?.dispose());

const names: Record<string, string> = { office1: '王质控', head_ct: '李主任', tech1: '刘技师' };
function lines(lang: Language, width: number, actor = 'office1') {
  const me = actor === 'office1' ? { id: 'office1', nameZh: '王质控', nameEn: 'Wang', title: null, departmentId: 'QC', roles: ['office'], active: true } : { id: 'head_ct', nameZh: '李主任', nameEn: 'Li', title: null, departmentId: 'CT', roles: ['head'], active: true };
  const actions: FindingAction[] = ['escalate', 'close', 'assign', 'note'];
  return detailLines(detail, {
    t: tuiText(lang),
    lang,
    theme: createTheme({ color: false, ascii: false }),
    width,
    timeZone: 'Asia/Shanghai',
    personName: (id) => names[id] ?? id,
    departmentName: (id) => (id === 'CT' ? 'CT室' : id),
    availability: Object.fromEntries(actions.map((a) => [a, actionAvailability(a, detail, ['CT', 'MT'], me)])) as Record<FindingAction, ReturnType<typeof actionAvailability>>,
    actionKeys: { escalate: 'e', close: 'c', assign: 'a', note: 'n' },
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
      '☑ a1 已完成: 专题会议并检讨 · 李主任 · 2026-03-09',
      '已召开',
      '☐ a2 未完成: 加强夜班巡查',
      '李主任: 已通知本人',
      '未按期整改',
      '时间线',
      '王质控 start',
      'PLAN open→action_planned',
      'ACTION_DONE',
      'NOTE',
      'ESCALATE',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(detail.timeline.length).toBeGreaterThanOrEqual(6);
  });

  it('marks what the current person may not do, in words', () => {
    expect(lines('en', 70).find((l) => l.text.startsWith('e escalate'))!.text).toBe('e escalate  c close ✗  a assign  n note');
    expect(lines('en', 70, 'head_ct').find((l) => l.text.startsWith('e escalate'))!.text).toBe('e escalate ✗  c close ✗  a assign ✗  n note');
  });

  it('scrolls: only the window of lines is drawn, each cut to the pane by display width', () => {
    const all = lines('zh-CN', 30);
    const frame = render(withLook(<LinesView lines={all} top={2} height={5} width={30} />, { lang: 'zh-CN' })).lastFrame() ?? '';
    const shown = frame.split('\n');
    expect(shown).toHaveLength(5);
    expect(shown[0]).toBe(all[2]!.text.trimEnd());
  });
});
