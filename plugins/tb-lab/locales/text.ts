import type { Language, Localized } from '../../../core/plugin/index.js';
import { en, type MessageKey } from './en.js';
import { zhCN } from './zh-CN.js';

/** Values a message may interpolate. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** The text of `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function say(lang: Language, key: MessageKey, vars: MessageVars = {}): string {
  const template: string = lang === 'zh-CN' ? zhCN[key] : en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The text of `key` in both languages, as manifests, forms and chain data carry it. */
export function both(key: MessageKey, vars: MessageVars = {}): Localized {
  return { 'zh-CN': say('zh-CN', key, vars), en: say('en', key, vars) };
}
