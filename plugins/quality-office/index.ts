import { definePlugin } from '../../core/plugin/index.js';
import { workflowFile } from '../workflowFile.js';
import { both, messages } from './locales/text.js';
import { qualityPointsReportSection } from './report/qualityPointsSection.js';
import { trainingReportSection } from './report/trainingSection.js';
import { actionDone } from './tasks/actionDone.js';
import { archiveTraining } from './tasks/archiveTraining.js';
import { computeMakeUp } from './tasks/computeMakeUp.js';
import { correctiveActions } from './tasks/correctiveActions.js';
import { drawSample } from './tasks/drawSample.js';
import { effectivenessCheck } from './tasks/effectivenessCheck.js';
import { makeUpResults } from './tasks/makeUpResults.js';
import { meetingMinutes } from './tasks/meetingMinutes.js';
import { spotCheckForm } from './tasks/spotCheckForm.js';
import { trainingAttendance } from './tasks/trainingAttendance.js';
import { trainingPlan } from './tasks/trainingPlan.js';
import { trainingScores } from './tasks/trainingScores.js';
import { verification } from './tasks/verification.js';

/** The quality office (质控办): spot checks, corrective meetings and training sessions. */
export const plugin = definePlugin({
  id: 'quality-office',
  version: '0.1.0',
  engine: '^0.1.0',
  title: both('plugin.title'),
  description: both('plugin.description'),
  messages,
  labels: { categories: { 'spot-check': { 'zh-CN': '专项抽查', en: 'Spot check' } } },
  taskTypes: [
    drawSample,
    spotCheckForm,
    meetingMinutes,
    correctiveActions,
    actionDone,
    verification,
    effectivenessCheck,
    trainingPlan,
    trainingAttendance,
    trainingScores,
    computeMakeUp,
    makeUpResults,
    archiveTraining,
  ],
  chains: [workflowFile('spot-check.yaml'), workflowFile('corrective-meeting.yaml'), workflowFile('training-session.yaml')],
  reportSections: [trainingReportSection, qualityPointsReportSection],
});
