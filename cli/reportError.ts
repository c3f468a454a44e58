import { CommanderError } from 'commander';
import { isDubanError } from '../core/errors/DubanError.js';
import type { Language } from '../core/i18n/Localized.js';

/**
 * Prints an error as `duban: CODE: message` on stderr and returns the exit code:
 * 2 for usage errors, 1 for every other failure. In Chinese the coded headline comes
 * first; the detail names the place (file:line, field path, argument).
 */
export async function reportError(error: unknown, lang: Language): Promise<number> {
  if (error instanceof CommanderError) {
    // commander has printed its own message already.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isDubanError(error)) {
    const { translate } = await import('../core/i18n/i18n.js');
    const head = lang === 'zh-CN' ? `${translate(lang, `errors.${error.code}`)}：` : '';
    process.stderr.write(`duban: ${error.code}: ${head}${error.message}\n`);
    return error.code === 'USAGE' ? 2 : 1;
  }
  process.stderr.write(`duban: INTERNAL: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
