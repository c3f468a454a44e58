import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tuiText } from '../../../cli/tui/i18n/tuiText.js';
import { ACTION_KEYS } from '../../../cli/tui/keymap/keymap.js';
import { detailLines } from '../../../cli/tui/model/detailLines.js';
import { createTheme } from '../../../cli/tui/theme/Theme.js';
import { findingOutboxHandlers } from '../../../core/findings/findingOutboxHandlers.js';
import { detailsText, findingWords, type WordedFinding } from '../../../core/findings/findingWords.js';
import type { Language } from '../../../core/index.js';
import { importHospital } from '../../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';

let duban: TestDuban;
let finding: WordedFinding;
beforeAll(async () => {
  duban = await startTestDuban('sqlite');
  await importHospital(duban);
  // A duty-post inspection's finding, opened as the chain's outbox row opens it, with the data the chain recorded.
  const open = new Map(findingOutboxHandlers(duban.findings)).get('openFinding')!;
  await open({
    id: 'o-words1',
    instanceId: null,
    kind: 'openFinding',
    attempt: 1,
    pluginId: null,
    payload: {
      department: 'CT',
      subject: 'CT-night',
      subjectKind: 'post',
      category: 'duty-post.work_log_missing',
      severity: 'minor',
      title: { 'zh-CN': '工作日志未存档', en: 'Work log not filed' },
      data: { person: 'tech1', note: '夜班日志缺页', status: 'late', reinspection: false, punctuality: { expected: 5, onTime: 4, rate: 0.8, belowTarget: true } },
    },
  });
  // The open step's deadline passes: the engine's timer acts, as the system.
  duban.manualClock.advance(40 * 86_400_000);
  await duban.timers.fireDue();
  await duban.findings.assign('f-words1', 'office1', 'head_ct');
  const detail = await duban.findingQueries.get('f-words1');
  finding = { ...detail, words: await findingWords(detail, { org: duban.org, plugins: duban.plugins, timeZone: 'Asia/Shanghai' }) };
});
afterAll(async () => duban?.dispose());

const names: Record<string, Record<Language, string>> = { office1: { 'zh-CN': '王质控', en: 'Wang Zhikong' }, head_ct: { 'zh-CN': '李主任', en: 'Li Zhuren' } };
function text(lang: Language): string {
  return detailLines(finding, {
    t: tuiText(lang),
    lang,
    theme: createTheme({ color: false, ascii: false }),
    width: 200,
    timeZone: 'Asia/Shanghai',
    personName: (id) => names[id]?.[lang] ?? id,
    departmentName: (id) => (id === 'CT' ? 'CT室' : id),
    offered: [],
    actionKeys: ACTION_KEYS,
  })
    .map((l) => l.text)
    .join('\n');
}

describe('the finding detail in words', () => {
  it('names the post, labels the category and the recorded data, in Chinese, with no keys, ids or JSON', () => {
    const zh = text('zh-CN');
    expect(zh).toMatch(/对象\s+CT夜班/);
    expect(zh).toMatch(/类别\s+工作日志未按规存档/);
    expect(zh).toContain('人员：刘技师；说明：夜班日志缺页；出勤情况：迟到；复查：否；准时率：在册 5，准时 4，准时率 80.0%，低于目标 是');
    expect(zh).toContain('系统 “待处理”期限已过');
    // The engine's own reason for the escalation, in words, in the escalations and the timeline.
    expect(zh).toContain('第 2 级 → 王质控: 逾期未整改');
    expect(zh).toContain('系统 升级: 逾期未整改');
    expect(zh).toContain('王质控 指派: 李主任');
    for (const raw of ['CT-night', 'duty-post.', 'tech1', 'office1', 'head_ct', 'overdue', 'reinspection', 'false', 'late', '{', 'timer.', 'system:']) expect(zh, raw).not.toContain(raw);
  });

  it('says the same in English', () => {
    const en = text('en');
    expect(en).toMatch(/Subject\s+CT night duty/);
    expect(en).toMatch(/Category\s+Work log not filed/);
    expect(en).toContain('Person: Liu Jishi; Note: 夜班日志缺页; Attendance: Late; Re-inspection: no; Punctuality: on the roster 5, on time 4, rate 80.0%, below target yes');
    expect(en).toContain('system the deadline of “Open” passed');
    for (const raw of ['CT-night', 'tech1', 'reinspection', 'false', '{', 'timer.']) expect(en, raw).not.toContain(raw);
  });

  it('reads a finding recorded before the data was kept as data the same way', async () => {
    const id = await duban.findings.open(
      {
        department: 'CT',
        subject: 'CT-night',
        subjectKind: 'post',
        category: 'duty-post.work_log_missing',
        severity: 'minor',
        title: '工作日志未存档',
        source: 'i-earlier',
        description: 'person: tech1; note: 夜班日志缺页; status: late; reinspection: false; punctuality: {"expected":5,"onTime":4,"rate":0.8,"belowTarget":true}',
      },
      'office1',
    );
    const old = await duban.findingQueries.get(id);
    expect(old.details).toEqual(finding.details);
    expect(detailsText((await findingWords(old, { org: duban.org, plugins: duban.plugins, timeZone: 'Asia/Shanghai' })).details, 'zh-CN')).toBe(
      '人员：刘技师；说明：夜班日志缺页；出勤情况：迟到；复查：否；准时率：在册 5，准时 4，准时率 80.0%，低于目标 是',
    );
  });

  it('keeps the data as recorded: codes and ids, put in words only when read', () => {
    expect(finding.details).toEqual({ person: 'tech1', note: '夜班日志缺页', status: 'late', reinspection: false, punctuality: { expected: 5, onTime: 4, rate: 0.8, belowTarget: true } });
    expect(finding.description).toBeNull();
  });
});
