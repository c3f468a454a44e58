import { createText } from '../../core/i18n/createText.js';
import { en } from './locales/en.js';
import { zhCN } from './locales/zh-CN.js';

/**
 * The CLI's texts, namespace `cli` of the shared i18next instance:
 * `cliText.t(lang, 'plugins.chains', { count: 2 })` → `2 chains` / `2 条任务链`.
 */
export const cliText = createText('cli', { 'zh-CN': zhCN, en });
