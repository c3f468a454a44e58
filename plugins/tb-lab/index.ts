import { definePlugin } from '../../core/plugin/index.js';
import { workflowFile } from '../workflowFile.js';
import { classifyCommand } from './commands/classifyCommand.js';
import { cohortCommand } from './commands/cohortCommand.js';
import { importCommand } from './commands/importCommand.js';
import { indicatorsCommand } from './commands/indicatorsCommand.js';
import { lqasCommand } from './commands/lqasCommand.js';
import { ocCommand } from './commands/ocCommand.js';
import { readCommand } from './commands/readCommand.js';
import { slidesCommand } from './commands/slidesCommand.js';
import { both, messages } from './locales/text.js';
import { slideQcReportSection } from './report/slideQcSection.js';
import { tbLabMigrations } from './store/migrations.js';
import { compareReadingsTask } from './tasks/compareReadingsTask.js';
import { controllerReadingForm } from './tasks/controllerReadingForm.js';
import { drawSample } from './tasks/drawSample.js';
import { evaluateTask } from './tasks/evaluateTask.js';
import { followUpForm } from './tasks/followUpForm.js';
import { registerImportForm } from './tasks/registerImportForm.js';
import { umpireReadingForm } from './tasks/umpireReadingForm.js';

/**
 * The TB control institute's laboratory (结防所): sputum slide QC of the county
 * laboratories by blinded rechecking, after the WHO/IUATLD guide *External Quality
 * Assessment for AFB Smear Microscopy* (2002). Ships the `sputum-slide-qc` chain, its
 * task types, the `duban tb …` commands, and its own tables, where the laboratories'
 * results stay (never in a chain's context or events).
 */
export const plugin = definePlugin({
  id: 'tb-lab',
  version: '0.1.0',
  engine: '^0.1.0',
  title: both('plugin.title'),
  description: both('plugin.description'),
  messages,
  labels: {
    categories: {
      'slide-qc.major-errors': { 'zh-CN': '痰片复检重大错误', en: 'Slide recheck: major errors' },
      'slide-qc.false-negatives': { 'zh-CN': '痰片复检假阴性', en: 'Slide recheck: false negatives' },
    },
    fields: {
      quarter: { 'zh-CN': '季度', en: 'Quarter' },
      register: { 'zh-CN': '登记本', en: 'Register' },
      counts: { 'zh-CN': '差错计数', en: 'Error counts' },
      reasons: { 'zh-CN': '原因', en: 'Reasons' },
      slidesRead: { 'zh-CN': '复检片数', en: 'Slides read' },
    },
  },
  taskTypes: [registerImportForm, drawSample, controllerReadingForm, compareReadingsTask, umpireReadingForm, evaluateTask, followUpForm],
  chains: [workflowFile('sputum-slide-qc.yaml')],
  commands: [lqasCommand, classifyCommand, ocCommand, indicatorsCommand, importCommand, slidesCommand, readCommand, cohortCommand],
  migrations: tbLabMigrations,
  reportSections: [slideQcReportSection],
});
