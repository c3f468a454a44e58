import i18next, { type i18n } from 'i18next';
import { en } from './locales/en.js';
import { zhCN } from './locales/zh-CN.js';
import type { Language } from './Localized.js';

let instance: i18n | undefined;

function get(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    // Synchronous init: the resources are in memory, and callers must not await a translation.
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

/**
 * Translates a message key (`errors.CHAIN_INVALID`, `cli.started`) into `lang`,
 * interpolating `{{name}}` placeholders from `vars`.
 */
export function translate(lang: Language, key: string, vars: Record<string, unknown> = {}): string {
  return get().t(key, { ...vars, lng: lang }) as string;
}
