import { isDubanError } from '../../../core/errors/DubanError.js';
import type { Language } from '../../../core/i18n/Localized.js';
import { translate } from '../../../core/i18n/i18n.js';

/**
 * An error as the status line says it: the stable code, the headline in the user's
 * language, and core's detail (which names the place and what to do).
 */
export function errorText(error: unknown, lang: Language): string {
  if (isDubanError(error)) {
    const head = lang === 'zh-CN' ? `${translate(lang, `errors.${error.code}`)}：` : '';
    return `${error.code}: ${head}${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
