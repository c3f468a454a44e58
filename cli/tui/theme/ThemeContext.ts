import { createContext, useContext } from 'react';
import type { Language } from '../../../core/i18n/Localized.js';
import { tuiText, type Translate } from '../i18n/tuiText.js';
import { createTheme, type Theme } from './Theme.js';

/** What every component reads: the theme, the language and its labels. */
export interface Look {
  readonly theme: Theme;
  readonly lang: Language;
  readonly t: Translate;
}

/** The look for a language and theme. */
export function lookOf(lang: Language, theme: Theme): Look {
  return { theme, lang, t: tuiText(lang) };
}

/** The console's look; tests render components inside a provider of their own. */
export const LookContext = createContext<Look>(lookOf('en', createTheme({ color: false, ascii: false })));

/** The current look. */
export function useLook(): Look {
  return useContext(LookContext);
}
