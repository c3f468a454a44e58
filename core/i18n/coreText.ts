import { createText } from './createText.js';
import { CORE_NAMESPACE } from './i18n.js';
import { en } from './locales/en.js';
import { zhCN } from './locales/zh-CN.js';

/** Core's own texts (namespace `core`), typed by key: `coreText.both('report.findingsYear', vars)`. */
export const coreText = createText(CORE_NAMESPACE, { 'zh-CN': zhCN, en });
