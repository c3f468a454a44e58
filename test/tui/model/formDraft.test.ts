import { describe, expect, it } from 'vitest';
import { validateForm, type FormSpec } from '../../../core/index.js';
import { cycleValue, fieldText, formRows, parseFieldInput, submittable, valueAt, withItemAdded, withItemRemoved, withValue } from '../../../cli/tui/model/formDraft.js';
import { problemText } from '../../../cli/tui/model/problemText.js';
import { tuiText } from '../../../cli/tui/i18n/tuiText.js';

const label = (en: string) => ({ 'zh-CN': en, en });
const FORM: FormSpec = {
  heldAt: { type: 'datetime', required: true, label: label('Held at') },
  count: { type: 'integer', min: 1, label: label('Count') },
  passed: { type: 'boolean', label: label('Passed') },
  kind: { type: 'enum', label: label('Kind'), options: [{ value: 'a', label: { 'zh-CN': '甲', en: 'Alpha' } }, { value: 'b', label: { 'zh-CN': '乙', en: 'Beta' } }] },
  attendees: { type: 'list', required: true, min: 1, label: label('Attendees'), of: { type: 'person', label: label('Person') } },
  statements: { type: 'list', label: label('Statements'), items: { person: { type: 'person', required: true, label: label('Person') }, text: { type: 'text', label: label('Text') } } },
};

describe('form drafts', () => {
  it('lays a form out as rows, lists with their items and an add line', () => {
    let draft = withItemAdded({}, 'attendees', FORM.attendees!);
    draft = withValue(draft, 'attendees.0', 'office1');
    draft = withItemAdded(draft, 'statements', FORM.statements!);
    const rows = formRows(FORM, draft).map((r) => `${r.kind}:${r.path}`);
    expect(rows).toEqual([
      'field:heldAt', 'field:count', 'field:passed', 'field:kind',
      'list:attendees', 'field:attendees.0', 'add:attendees',
      'list:statements', 'item:statements.0', 'field:statements.0.person', 'field:statements.0.text', 'add:statements',
    ]);
  });

  it('reads what was typed by field type', () => {
    expect(parseFieldInput(FORM.count!, '12')).toBe(12);
    expect(parseFieldInput(FORM.count!, 'twelve')).toBe('twelve');
    expect(parseFieldInput(FORM.passed!, '是')).toBe(true);
    expect(parseFieldInput(FORM.passed!, 'no')).toBe(false);
    expect(parseFieldInput(FORM.kind!, '乙')).toBe('b');
    expect(parseFieldInput(FORM.heldAt!, '2026-03-02 09:30')).toBe('2026-03-02T09:30:00+08:00');
    expect(parseFieldInput(FORM.heldAt!, '2026-03-02 09:30', 'UTC')).toBe('2026-03-02T09:30:00Z');
    expect(parseFieldInput(FORM.heldAt!, '   ')).toBeUndefined();
  });

  it('shows values in the language, and cycles enums and booleans', () => {
    expect(fieldText(FORM.kind!, 'a', 'zh-CN', { yes: '是', no: '否' })).toBe('甲');
    expect(fieldText(FORM.passed!, false, 'en', { yes: 'yes', no: 'no' })).toBe('no');
    expect(cycleValue(FORM.kind!, undefined, 1)).toBe('a');
    expect(cycleValue(FORM.kind!, 'b', 1)).toBeUndefined();
    expect(cycleValue(FORM.passed!, true, 1)).toBe(false);
    expect(cycleValue(FORM.passed!, undefined, -1)).toBe(false);
  });

  it('edits nested values without touching the original', () => {
    const draft = withValue(withItemAdded({}, 'statements', FORM.statements!), 'statements.0.text', '检讨');
    expect(valueAt(draft, 'statements.0.text')).toBe('检讨');
    expect(withItemRemoved(draft, 'statements.0')).toEqual({ statements: [] });
    expect(draft).toEqual({ statements: [{ text: '检讨' }] });
  });

  it('submits only what was filled, and validates with core', () => {
    const draft = { heldAt: '2026-03-02T09:00+08:00', count: 0, attendees: ['office1', undefined], statements: [{}], kind: '' };
    const data = submittable(draft);
    expect(data).toEqual({ heldAt: '2026-03-02T09:00+08:00', count: 0, attendees: ['office1'] });
    const problems = validateForm(FORM, data);
    expect(problems).toEqual([{ path: 'count', message: 'must be at least 1' }]);
    expect(problemText(problems[0]!.message, tuiText('zh-CN'))).toBe('至少为 1');
    expect(problemText('required', tuiText('zh-CN'))).toBe('必填');
    expect(problemText('a plugin rule', tuiText('en'))).toBe('a plugin rule');
  });
});
