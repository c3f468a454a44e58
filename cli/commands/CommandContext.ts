import type { Language, Localized } from '../../core/i18n/Localized.js';

/** What every command module gets when it registers its commands. */
export interface CliContext {
  readonly lang: Language;
  readonly say: (text: Localized) => string;
}
