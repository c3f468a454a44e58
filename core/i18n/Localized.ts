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

/**
 * Chooses the language from an explicit setting, else from `LANG`/`LC_ALL`
 * (`zh_CN.UTF-8`, `zh-Hans`...), else English.
 */
export function detectLanguage(explicit?: string, env: NodeJS.ProcessEnv = process.env): Language {
  const raw = explicit ?? env.DUBAN_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return /^zh/i.test(raw) ? 'zh-CN' : 'en';
}
