import { createPluginText } from '../../../core/plugin/index.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** The tb-lab plugin's texts, namespace `tb-lab` of duban's i18next instance: `say(lang, key, vars)`, `both(key, vars)`, `counts(prefix, counts)`. */
export const { t: say, both, counts, messages } = createPluginText('tb-lab', { 'zh-CN': zhCN, en });

/** A key of the plugin's texts; a counted text by its base key (`out.slides` for `out.slides_one`). */
export type MessageKey = Parameters<typeof say>[1];
