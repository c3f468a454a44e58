import { definePlugin } from '../../core/plugin/index.js';
import { workflowFile } from '../workflowFile.js';
import { pointsCommand } from './commands/pointsCommand.js';
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
  taskTypes: [disciplineRecord, disciplineScore, dutyPostRecord, dutyPostAssess],
  chains: [workflowFile('discipline-check.yaml'), workflowFile('duty-post-inspection.yaml')],
  // Its report follows each duty-post absence to the corrective meeting it started.
  readsChains: ['corrective-meeting'],
  commands: [pointsCommand],
  reportSections: [disciplineReportSection],
});
