import type { TaskTypeDefinition } from '../../../core/plugin/index.js';

/** The form an inspector fills on a spot check. */
export const spotCheckForm: TaskTypeDefinition = {
  name: 'quality-office.spot-check',
  title: { 'zh-CN': '现场抽查记录', en: 'Spot check record' },
  form: {
    passed: { type: 'boolean', required: true, label: { 'zh-CN': '是否合格', en: 'Passed' } },
    note: { type: 'text', label: { 'zh-CN': '说明', en: 'Note' }, max: 2000 },
  },
  validate(data) {
    return data.passed === false && !data.note ? [{ path: 'note', message: 'a failed check needs a note' }] : [];
  },
};
