import { addNamespace, fixedT, type Translate } from '../../../core/i18n/i18n.js';
import type { Language } from '../../../core/i18n/Localized.js';
import { en } from './locales/en.js';
import { officeEn } from './locales/officeEn.js';
import { officeZhCN } from './locales/officeZhCN.js';
import { zhCN } from './locales/zh-CN.js';

export type { Translate };

addNamespace('tui', { 'zh-CN': zhCN, en });
// The office's actions keep their own files (deep-merged into the same namespace).
addNamespace('tui', { 'zh-CN': officeZhCN, en: officeEn });

/**
 * The console's labels in one language: namespace `tui` of the shared i18next instance.
 * Plurals follow i18next (`count` picks `_one` / `_other`); `{{name}}` placeholders are
 * filled from `vars`. Labels without placeholders are cached (see `fixedT`).
 */
export function tuiText(lang: Language): Translate {
  return fixedT(lang, 'tui');
}
