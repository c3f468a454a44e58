import type { PluginCommand } from '../../../core/plugin/index.js';
import { parseRegisterCsv } from '../csv/parseRegisterCsv.js';
import { tbError } from '../lib/tbError.js';
import { both, say } from '../locales/text.js';
import { saveRegister } from '../store/registerStore.js';
import { tbDb } from '../store/tables.js';
import { localized, required } from './options.js';

/**
 * `duban tb import --department LAB --quarter 2026-Q1 --input register.csv [--json]`:
 * stores a county laboratory's slide register in the plugin's tables as a new version and
 * prints its id, for the chain's import step. Prints counts only, never a slide's result.
 * A bad row names its line, and nothing is written. JSON: the register's summary.
 */
export const importCommand: PluginCommand = {
  name: 'tb import',
  summary: both('cmd.import'),
  options: [
    { flags: '--department <lab>', description: both('opt.department') },
    { flags: '--quarter <quarter>', description: both('opt.quarter') },
    { flags: '--input <csv>', description: both('opt.registerCsv') },
  ],
  run: (options, ctx) =>
    localized(ctx, async () => {
      const department = required(options, 'department', '--department');
      if (!/^[^\s/]+$/.test(department)) throw tbError('USAGE', 'err.badDepartment', { flag: '--department', value: department }, { argument: '--department' });
      const quarter = required(options, 'quarter', '--quarter');
      if (!/^\d{4}-Q[1-4]$/.test(quarter)) throw tbError('USAGE', 'err.badQuarter', { flag: '--quarter', value: quarter }, { argument: '--quarter' });
      const file = required(options, 'input', '--input');
      const entries = await parseRegisterCsv(file);
      const summary = await saveRegister(tbDb(ctx.db), { department, quarter, source: file, entries, actor: ctx.actor, at: ctx.now });
      ctx.print(say(ctx.lang, 'out.imported', { ...summary, count: summary.slides }));
      ctx.print(say(ctx.lang, 'out.nextImport', { register: summary.register }));
      return summary;
    }),
};
