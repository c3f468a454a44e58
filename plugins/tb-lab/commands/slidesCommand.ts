import { formatTable, type PluginCommand } from '../../../core/plugin/index.js';
import { both, say } from '../locales/text.js';
import { roundSlidesView, type SlideView } from '../store/roundSlidesView.js';
import { tbDb } from '../store/tables.js';
import { localized, required } from './options.js';

/**
 * `duban tb slides --round ID [--for-umpire] [--json]`: the round's selected slides. A
 * slide's laboratory result (and its class) shows only once the controller's reading of
 * that slide is recorded (see `roundSlidesView`, the blinding boundary). With
 * `--for-umpire`, only the discordant slides awaiting the umpire, without any reading.
 * JSON: the round view. For whoever may submit the round's current step (the controller
 * while rechecking, the umpire while umpiring) and whoever may start a round for that
 * laboratory (the office): both asked through the core's `can()`.
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
      const view = await roundSlidesView(tbDb(ctx.db), round, { forUmpire: options.forUmpire === true });
      const reads = await ctx.can({ instanceId: round }, 'SUBMIT');
      if (!reads.allowed) await ctx.require({ chainId: 'sputum-slide-qc', input: { department: view.department } }, 'start');
      const slides = say(ctx.lang, 'out.slides', { count: view.slides.length });
      ctx.print(say(ctx.lang, 'out.round', { round: view.round, department: view.department, quarter: view.quarter, register: view.register, slides }));
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
