import type { Language, Localized } from '../../../core/plugin/index.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** A key of the medtech plugin's texts. */
export type MessageKey = keyof typeof en;

/** Values for `{{name}}` placeholders; a {@link Localized} value is read in the text's language. */
export type MessageVars = Readonly<Record<string, string | number | Localized>>;

const TEXTS: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** A text in one language, with `{{name}}` placeholders filled from `vars`. */
export function say(lang: Language, key: MessageKey, vars: MessageVars = {}): string {
  return TEXTS[lang][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** A text in both languages, for manifests, chain data and findings. */
export function text(key: MessageKey, vars: MessageVars = {}): Localized {
  return { 'zh-CN': say('zh-CN', key, vars), en: say('en', key, vars) };
}

/**
 * One line in both languages, for places that carry a single string and do not know the
 * reader's language (a form problem's message): English, then Chinese.
 */
export function bilingual(key: MessageKey, vars: MessageVars = {}): string {
  return `${say('en', key, vars)} / ${say('zh-CN', key, vars)}`;
}
