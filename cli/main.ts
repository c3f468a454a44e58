import 'reflect-metadata';
import { detectLanguage } from '../core/i18n/Localized.js';
import { buildProgram } from './buildProgram.js';
import { reportError } from './reportError.js';

// `duban … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Only commander is loaded before a command runs: `duban --version` stays near bare node.
const langFlag = process.argv.indexOf('--lang');
const lang = detectLanguage(langFlag >= 0 ? process.argv[langFlag + 1] : undefined);
try {
  const program = await buildProgram(process.argv, lang);
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = await reportError(error, lang);
}
