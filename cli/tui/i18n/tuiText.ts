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
  let translate = translators.get(lang);
  if (!translate) {
    const t = get().getFixedT(lang);
    // Labels without placeholders are looked up once: a frame asks for the same few
    // (status and severity words) hundreds of times, and i18next takes microseconds each.
    const fixed = new Map<string, string>();
    translate = (key, vars) => {
      if (vars) return t(key, vars) as string;
      let text = fixed.get(key);
      if (text === undefined) {
        text = t(key) as string;
        fixed.set(key, text);
      }
      return text;
    };
    translators.set(lang, translate);
  }
  return translate;
}

const translators = new Map<Language, Translate>();
