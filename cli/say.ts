import type { Language, Localized } from '../core/i18n/Localized.js';

/** Returns a function that picks the user's language from a {@link Localized} text. */
export function sayIn(lang: Language): (text: Localized) => string {
  return (text) => text[lang];
}
