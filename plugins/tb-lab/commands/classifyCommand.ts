import type { PureCommand } from '../../../core/plugin/index.js';
import { classifyReading, isMajorError } from '../lib/classifyReading.js';
import { both, say } from '../locales/text.js';
import { grade, localized, required } from './options.js';

/**
 * `duban tb classify --lab G --controller G [--json]`: the error class of a pair of grades
 * and whether it is major. JSON: `{ lab, controller, class, major }`.
 */
export const classifyCommand: PureCommand = {
  name: 'tb classify',
  // Computes from its options alone: no database is opened.
  pure: true,
  summary: both('cmd.classify'),
  options: [
    { flags: '--lab <grade>', description: both('opt.lab') },
    { flags: '--controller <grade>', description: both('opt.controller') },
  ],
  run: (options, ctx) =>
    localized(ctx, async () => {
      const lab = grade(required(options, 'lab', '--lab'), '--lab');
      const controller = grade(required(options, 'controller', '--controller'), '--controller');
      const errorClass = classifyReading(lab, controller);
      const major = isMajorError(errorClass);
      const severity = errorClass === 'correct' ? '' : say(ctx.lang, major ? 'out.major' : 'out.minor');
      ctx.print(say(ctx.lang, 'out.classify', { lab, controller, class: say(ctx.lang, `class.${errorClass}`) }) + severity);
      return { lab, controller, class: errorClass, major };
    }),
};
