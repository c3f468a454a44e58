import type { Catalog, MessageKey, Messages, MessageVars } from './Catalog.js';
import { addNamespace, fixedT } from './i18n.js';
import type { Language, Localized } from './Localized.js';

/** The texts of one namespace of the shared i18next instance, typed by their keys. */
export interface Text<K extends string = string> {
  /** The namespace: `cli`, `tui`, or a plugin's id. */
  readonly namespace: string;
  /** The messages the namespace was created with, as a plugin's `messages` field takes them. */
  readonly messages: Messages;
  /** The text of `key` in `lang`, `{{name}}` placeholders filled from `vars`, plural form by `count`. */
  t(lang: Language, key: K, vars?: MessageVars): string;
  /** The texts in one language, cached like {@link fixedT}: `const t = text.inLanguage(lang)`. */
  inLanguage(lang: Language): (key: K, vars?: MessageVars) => string;
  /** The text of `key` in both languages, for manifests, forms, chain data and report sentences. */
  both(key: K, vars?: MessageVars): Localized;
  /**
   * Counts as their plural texts in both languages, each under its name, the key being
   * `<prefix>.<name>`: `counts('report', { slides: 20 })` is `{ slides: both('report.slides',
   * { count: 20 }) }`, ready to spread into a sentence's placeholders.
   */
  counts<P extends string, N extends string>(prefix: P, counts: Readonly<Record<N, number>> & (`${P}.${N}` extends K ? unknown : never)): Record<N, Localized>;
}

/**
 * Adds `messages` to the shared i18next instance as namespace `ns` and returns its texts.
 * Safe at module level: adding is synchronous, and adding again is harmless.
 *
 * @example
 * export const cliText = createText('cli', { 'zh-CN': zhCN, en });
 * cliText.t('en', 'plugins.chains', { count: 2 }); // '2 chains'
 */
export function createText<const E extends Catalog>(ns: string, messages: { readonly 'zh-CN': Catalog; readonly en: E }): Text<MessageKey<E>> {
  addNamespace(ns, messages);
  const both = (key: string, vars?: MessageVars): Localized => ({ 'zh-CN': fixedT('zh-CN', ns)(key, vars), en: fixedT('en', ns)(key, vars) });
  return {
    namespace: ns,
    messages,
    t: (lang, key, vars) => fixedT(lang, ns)(key, vars),
    inLanguage: (lang) => fixedT(lang, ns),
    both,
    counts: (prefix, counts) => {
      const out = {} as Record<string, Localized>;
      for (const [name, count] of Object.entries<number>(counts)) out[name] = both(`${prefix}.${name}`, { count });
      return out;
    },
  };
}
