/** The languages duban speaks. Every user-visible text exists in both. */
export const LANGUAGES = ['zh-CN', 'en'] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** A text in both languages, as chain files and plugin manifests declare it. */
export interface Localized {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** Picks the text of `lang` from a {@link Localized} value. */
export function pick(text: Localized, lang: Language): string {
  return text[lang];
}

/** The language `text` names (`zh-CN`, `en`, in any letter case), or undefined when duban does not speak it. */
export function languageNamed(text: string): Language | undefined {
  return LANGUAGES.find((lang) => lang.toLowerCase() === text.trim().toLowerCase());
}

/**
 * The language of the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`:
 * `zh_CN.UTF-8`, `zh-Hans`...): Chinese for any Chinese locale, else English.
 */
export function localeLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(raw) ? 'zh-CN' : 'en';
}
