import type { Localized, PluginCommand } from '../../../core/plugin/index.js';
import { parseReadingsCsv } from '../csv/parseReadingsCsv.js';
import { SMEAR_QUALITY_FEATURES, type QualityMark, type SmearQualityMarks } from '../lib/smearQuality.js';
import { tbError } from '../lib/tbError.js';
import { both, say } from '../locales/text.js';
import { recordReadings, type ReadingInput, type Reader } from '../store/readingStore.js';
import { roundSlidesView } from '../store/roundSlidesView.js';
import { tbDb } from '../store/tables.js';
import { grade, localized, mark, optional, required } from './options.js';

/**
 * `duban tb read --round ID (--input readings.csv | --slide S --grade G [--specimen good|poor
 * …]) [--umpire] [--json]`: records the controller's (or, with `--umpire`, the umpire's)
 * readings, all or none. A recorded reading is final. JSON: `{ round, reader, recorded,
 * unchanged, slides }`, where `slides` are the read slides as now shown (the laboratory's
 * result included, since their reading is recorded). Who may is the round chain's rule
 * for its current step, asked through the core's `can()`.
 */
export const readCommand: PluginCommand = {
  name: 'tb read',
  summary: both('cmd.read'),
  options: [
    { flags: '--round <id>', description: both('opt.round') },
    { flags: '--input <csv>', description: both('opt.readingsCsv') },
    { flags: '--slide <slide>', description: both('opt.slide') },
    { flags: '--grade <grade>', description: both('opt.grade') },
    ...SMEAR_QUALITY_FEATURES.map((feature) => ({ flags: `--${feature} <mark>`, description: qualityOption(feature) })),
    { flags: '--umpire', description: both('opt.umpire') },
  ],
  run: (options, ctx) =>
    localized(ctx, async () => {
      const round = required(options, 'round', '--round');
      const reader: Reader = options.umpire === true ? 'umpire' : 'controller';
      // A reading is the step's SUBMIT in another form: the chain's rule for the round's
      // step decides (the controller while rechecking, a third reader while umpiring,
      // nobody of the laboratory judged).
      await ctx.require({ instanceId: round }, 'SUBMIT');
      const file = optional(options, 'input');
      const slide = optional(options, 'slide');
      let readings: ReadingInput[];
      if (file !== undefined && slide === undefined) readings = await parseReadingsCsv(file);
      else if (file === undefined && slide !== undefined) readings = [singleReading(options, slide)];
      else throw tbError('USAGE', 'err.readingArgs', {}, { argument: '--input' });
      const db = tbDb(ctx.db);
      const result = await recordReadings(db, round, reader, readings, ctx.actor, ctx.now);
      const read = new Set(readings.map((r) => r.slide));
      const view = await roundSlidesView(db, round);
      ctx.print(say(ctx.lang, 'out.recorded', { readings: say(ctx.lang, 'out.readings', { count: result.recorded }), unchanged: result.unchanged, round }));
      return { round, reader, ...result, slides: view.slides.filter((s) => read.has(s.slide)) };
    }),
};

function singleReading(options: Record<string, string | boolean | undefined>, slide: string): ReadingInput {
  const quality: Partial<Record<(typeof SMEAR_QUALITY_FEATURES)[number], QualityMark>> = {};
  for (const feature of SMEAR_QUALITY_FEATURES) {
    const text = optional(options, feature);
    if (text !== undefined) quality[feature] = mark(text, `--${feature}`);
  }
  const gradeText = optional(options, 'grade');
  if (gradeText === undefined) throw tbError('USAGE', 'err.readingArgs', {}, { argument: '--grade' });
  return { slide, grade: grade(gradeText, '--grade'), quality: quality as SmearQualityMarks, place: { argument: '--slide' } };
}

// The feature's name in each language, inside that language's option text.
function qualityOption(feature: (typeof SMEAR_QUALITY_FEATURES)[number]): Localized {
  const text = (lang: 'zh-CN' | 'en') => say(lang, 'opt.quality', { attribute: `${say(lang, `quality.${feature}`)} (--${feature})` });
  return { 'zh-CN': text('zh-CN'), en: text('en') };
}
