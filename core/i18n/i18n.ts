import i18next, { type i18n } from 'i18next';
import type { Messages, MessageVars } from './Catalog.js';
import { LANGUAGES, type Language, type Localized } from './Localized.js';
import { en } from './locales/en.js';
import { zhCN } from './locales/zh-CN.js';

/** The namespace of core's own messages (errors, audit problems). */
export const CORE_NAMESPACE = 'core';

/** Namespaces duban itself uses; a plugin id may not be one of them. */
export const RESERVED_NAMESPACES: readonly string[] = [CORE_NAMESPACE, 'cli', 'tui'];

/** A text of one namespace in one language: `t('chains', { count: 2 })`. */
export type Translate = (key: string, vars?: MessageVars) => string;

let instance: i18n | undefined;

/**
 * The one i18next instance of the process, shared by core, the CLI, the console and every
 * plugin, each in its own namespace. Initialised on first use with core's messages.
 */
export function i18nInstance(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    // Synchronous init: the resources are in memory, and callers must not await a translation.
    void instance.init({
      initAsync: false,
      lng: 'en',
      fallbackLng: 'en',
      ns: [CORE_NAMESPACE],
      defaultNS: CORE_NAMESPACE,
      interpolation: { escapeValue: false },
      resources: { en: { [CORE_NAMESPACE]: en }, 'zh-CN': { [CORE_NAMESPACE]: zhCN } },
    });
  }
  return instance;
}

/**
 * Adds (or replaces) a namespace's messages in both languages. Idempotent: adding the
 * same messages again changes nothing, so a plugin module and the host may both add them.
 */
export function addNamespace(ns: string, messages: Messages): void {
  const i18n = i18nInstance();
  for (const lang of LANGUAGES) i18n.addResourceBundle(lang, ns, messages[lang], true, true);
  // A text asked for before its namespace came is cached as its key: look it up again.
  for (const lang of LANGUAGES) translators.get(`${lang}\u0000${ns}`)?.fixed.clear();
}

/**
 * Translates a message key (`errors.CHAIN_INVALID`) of namespace `ns` (default core's)
 * into `lang`, filling `{{name}}` placeholders from `vars`; `count` picks the plural form.
 * A missing key comes back as the key itself.
 */
export function translate(lang: Language, key: string, vars?: MessageVars, ns: string = CORE_NAMESPACE): string {
  return fixedT(lang, ns)(key, vars);
}

/**
 * The texts of namespace `ns` in `lang`. Texts without placeholders are looked up once:
 * a console frame asks for the same few labels hundreds of times, and i18next takes
 * microseconds each.
 */
export function fixedT(lang: Language, ns: string): Translate {
  const id = `${lang}\u0000${ns}`;
  let translator = translators.get(id);
  if (!translator) {
    const i18n = i18nInstance();
    const t = i18n.getFixedT(lang, ns);
    const fixed = new Map<string, string>();
    const translate: Translate = (key, vars) => {
      if (vars) return t(key, localizeVars(vars, lang)) as string;
      let text = fixed.get(key);
      if (text === undefined) {
        // A plain text is what the catalogue holds: read it there. i18next's own lookup
        // costs tens of microseconds a key, and plugins label hundreds of things at load.
        // Texts with placeholders or nesting, and keys this language lacks, go to i18next.
        const held: unknown = i18n.getResource(lang, ns, key);
        text = typeof held === 'string' && !held.includes('{{') && !held.includes('$t(') ? held : (t(key) as string);
        fixed.set(key, text);
      }
      return text;
    };
    translator = { translate, fixed };
    translators.set(id, translator);
  }
  return translator.translate;
}

const translators = new Map<string, { readonly translate: Translate; readonly fixed: Map<string, string> }>();

function localizeVars(vars: MessageVars, lang: Language): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(vars)) out[name] = isLocalized(value) ? value[lang] : value;
  return out;
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).en === 'string' && typeof (value as Localized)['zh-CN'] === 'string';
}
