import 'reflect-metadata';
import { detectLanguage } from '../core/i18n/Localized.js';
import { buildProgram } from './buildProgram.js';
import { reportError } from './reportError.js';

// Only commander is loaded before a command runs: `duban --version` stays near bare node.
const langFlag = process.argv.indexOf('--lang');
const lang = detectLanguage(langFlag >= 0 ? process.argv[langFlag + 1] : undefined);
try {
  const program = await buildProgram(process.argv, lang);
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = await reportError(error, lang);
}
