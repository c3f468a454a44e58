import { createPluginText, type MessageVars } from '../../../core/plugin/index.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** The medtech plugin's texts, namespace `medtech` of duban's i18next instance: `say(lang, key, vars)`, `both(key, vars)`, `counts(prefix, counts)`. */
export const { t: say, both, counts, messages } = createPluginText('medtech', { 'zh-CN': zhCN, en });

/** A key of the plugin's texts; a counted text by its base key. */
export type MessageKey = Parameters<typeof say>[1];

/**
 * One line in both languages, for places that carry a single string and do not know the
 * reader's language (a form problem's message): English, then Chinese.
 */
export function bilingual(key: MessageKey, vars?: MessageVars): string {
  const text = both(key, vars);
  return `${text.en} / ${text['zh-CN']}`;
}
