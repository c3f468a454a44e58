import i18next, { type i18n } from 'i18next';
import type { Language } from '../../../core/i18n/Localized.js';
import { en } from './locales/en.js';
import { zhCN } from './locales/zh-CN.js';

let instance: i18n | undefined;

function get(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    // Synchronous init: the resources are in memory and a render must not wait for a label.
    void instance.init({
      initAsync: false,
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    });
  }
  return instance;
}

/** Translates a console label (`tab.overdue`, `list.count` with `{ count }`) into `lang`. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The console's labels in one language. Plurals follow i18next (`count` picks
 * `_one` / `_other`); `{{name}}` placeholders are filled from `vars`.
 */
export function tuiText(lang: Language): Translate {
  const t = get().getFixedT(lang);
  return (key, vars = {}) => t(key, vars) as string;
}
