import { DubanError } from '../core/errors/DubanError.js';
import { languageNamed, LANGUAGES, localeLanguage, type Language } from '../core/i18n/Localized.js';
import { asksForVersion, optionValue } from './argv.js';

/**
 * The one choice of the language the CLI speaks: `--lang` (`--lang x` or `--lang=x`),
 * else `DUBAN_LANG`, else the config file's `lang:`, else the environment's locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. The explicit settings must name a
 * language duban speaks; the config file is read only when neither is given, and not
 * for `--version`, which prints no text to translate.
 *
 * @throws DubanError `USAGE` naming `--lang` or `DUBAN_LANG` and the accepted languages;
 *   `CONFIG_INVALID` from the config file (its `lang:` included), naming the file and field.
 */
export async function resolveLanguage(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Language> {
  const flag = optionValue(argv, '--lang');
  if (flag !== undefined) return named(flag, '--lang');
  if (env.DUBAN_LANG) return named(env.DUBAN_LANG, 'DUBAN_LANG');
  if (!asksForVersion(argv)) {
    const { loadConfig } = await import('../core/config/loadConfig.js');
    const config = await loadConfig(cwd, optionValue(argv, '--config'));
    if (config.lang) return config.lang;
  }
  return localeLanguage(env);
}

function named(text: string, argument: string): Language {
  const lang = languageNamed(text);
  if (lang) return lang;
  throw new DubanError('USAGE', `${argument} "${text}": not a language duban speaks; give one of ${LANGUAGES.join(', ')}`, { place: { argument } });
}
