import { DubanError, isDubanError, type ErrorCode, type ErrorPlace, type Language, type Localized, type MessageVars } from '../../../core/plugin/index.js';
import { both, say, type MessageKey } from '../locales/text.js';

/**
 * A DubanError whose message is one of the plugin's texts. The message is English; the
 * key and values ride in `details`, so a command can re-say it in the user's language
 * ({@link localizeError}) and an activity can hand both languages to its chain
 * ({@link problemText}).
 */
export function tbError(code: ErrorCode, key: MessageKey, vars: MessageVars = {}, place?: ErrorPlace): DubanError {
  return new DubanError(code, say('en', key, vars), { place, details: { messageKey: key, vars } });
}

/** The same error with its message in `lang` when it is one of the plugin's texts; others unchanged. */
export function localizeError(error: unknown, lang: Language): unknown {
  if (!isDubanError(error) || typeof error.details?.messageKey !== 'string') return error;
  const vars = (error.details.vars ?? {}) as MessageVars;
  return new DubanError(error.code, say(lang, error.details.messageKey as MessageKey, vars), {
    place: error.place,
    details: error.details,
    cause: error,
  });
}

/** An error as a text in both languages, for a chain's context (an activity has no user language). */
export function problemText(error: unknown): Localized {
  if (isDubanError(error) && typeof error.details?.messageKey === 'string') {
    return both(error.details.messageKey as MessageKey, (error.details.vars ?? {}) as MessageVars);
  }
  const message = error instanceof Error ? error.message : String(error);
  return { 'zh-CN': message, en: message };
}
