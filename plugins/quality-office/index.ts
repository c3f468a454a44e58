import { definePlugin } from '../../core/index.js';
import { workflowFile } from '../workflowFile.js';
import { drawSample } from './tasks/drawSample.js';
import { spotCheckForm } from './tasks/spotCheckForm.js';

/** The quality office (质控办): spot checks, and the office's own chains. */
export const plugin = definePlugin({
  id: 'quality-office',
  version: '0.1.0',
  engine: '^0.1.0',
  title: { 'zh-CN': '质控办', en: 'Quality office' },
  departments: [{ id: 'QC', name: { 'zh-CN': '质控办', en: 'Quality office' } }],
  taskTypes: [drawSample, spotCheckForm],
  chains: [workflowFile('spot-check.yaml')],
});
