import 'reflect-metadata';
import { localeLanguage } from '../core/i18n/Localized.js';
import { buildProgram } from './buildProgram.js';
import { reportError } from './reportError.js';
import { resolveLanguage } from './resolveLanguage.js';

/**
 * Runs one `duban` command line and sets the exit code. Only commander is loaded before
 * a command runs: `duban --version` stays near bare node. A bad language setting is
 * reported in the environment's language. (bin/duban.js calls this from the bundle.)
 */
export async function runCli(argv: readonly string[] = process.argv): Promise<void> {
  // `duban … | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let lang = localeLanguage();
  try {
    lang = await resolveLanguage(argv, process.env, process.cwd());
    const program = await buildProgram(argv, lang);
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = await reportError(error, lang);
  }
}
