import type { PluginCommand } from '../../../core/index.js';
import { both, say } from '../locales/text.js';
import { roundSlidesView, type SlideView } from '../store/roundSlidesView.js';
import { tbDb } from '../store/tables.js';
import { formatTable } from './formatTable.js';
import { localized, required } from './options.js';
import { requireRole } from './requireRole.js';

/** Who may list a round's slides: those who read them and the office that runs the round. */
const SLIDE_READERS = ['controller', 'umpire', 'office'];

/**
 * `duban tb slides --round ID [--for-umpire] [--json]`: the round's selected slides. A
 * slide's laboratory result (and its class) shows only once the controller's reading of
 * that slide is recorded (see `roundSlidesView`, the blinding boundary). With
 * `--for-umpire`, only the discordant slides awaiting the umpire, without any reading.
 * JSON: the round view. For the controller, the umpire and the office, once an org is
 * imported.
 */
export const slidesCommand: PluginCommand = {
  name: 'tb slides',
  summary: both('cmd.slides'),
  options: [
    { flags: '--round <id>', description: both('opt.round') },
    { flags: '--for-umpire', description: both('opt.forUmpire') },
  ],
  run: (options, ctx) =>
    localized(ctx, async () => {
      const round = required(options, 'round', '--round');
      await requireRole(ctx, SLIDE_READERS);
      const view = await roundSlidesView(tbDb(ctx.db), round, { forUmpire: options.forUmpire === true });
      ctx.print(say(ctx.lang, 'out.round', { round: view.round, department: view.department, quarter: view.quarter, register: view.register, count: view.slides.length }));
      const headers = (['col.position', 'col.slide', 'col.controller', 'col.umpire', 'col.lab', 'col.class'] as const).map((k) => say(ctx.lang, k));
      for (const line of formatTable(headers, view.slides.map((s) => row(s, ctx.lang)))) ctx.print(line);
      return view;
    }),
};

function row(slide: SlideView, lang: 'zh-CN' | 'en'): string[] {
  const cls = slide.finalClass ?? slide.firstClass;
  return [
    String(slide.position),
    slide.slide,
    slide.controller?.grade ?? '',
    slide.umpire?.grade ?? '',
    slide.labBlinded ? say(lang, 'out.blinded') : (slide.lab ?? ''),
    cls ? say(lang, `class.${cls}`) : '',
  ];
}
