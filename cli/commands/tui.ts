import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/**
 * `duban tui [--ascii] [--no-color] [--filter <query>] [--demo]`: the terminal console. Everything it
 * needs, Ink and React included, is imported inside the action, so registering the
 * command costs nothing.
 */
export function registerTuiCommand(program: Command, { lang, say }: CliContext): void {
  program
    .command('tui')
    .description(say({ 'zh-CN': '打开终端督办台（非终端时打印概况）', en: 'open the terminal console (prints a summary when not on a terminal)' }))
    .option('--ascii', say({ 'zh-CN': '只用 ASCII 字符画框线、图表和符号', en: 'draw boxes, charts and symbols with ASCII only' }))
    .option('--no-color', say({ 'zh-CN': '不用颜色（也可设 NO_COLOR）', en: 'no colour (NO_COLOR works too)' }))
    .option('--filter <query>', say({ 'zh-CN': '打开时应用的筛选，如 "科室:CT 逾期:是"', en: 'open on this filter, e.g. "dept:CT overdue:yes"' }))
    .option('--demo', say({ 'zh-CN': '在示例医院数据库上打开（首次自动创建）', en: 'open on the demo hospital database (created the first time)' }))
    .action(async (opts: { ascii?: boolean; color?: boolean; demo?: boolean; filter?: string }, command: Command) => {
      const { withSession } = await import('../session.js');
      if (opts.demo) {
        // The demo hospital (`duban demo`), built the first time; as its quality officer unless --as says otherwise.
        const { demoOfficer, ensureDemoDatabase } = await import('../../demo/ensureDemoDatabase.js');
        const globals = command.optsWithGlobals<{ db?: string; as?: string }>();
        const root = command.parent ?? command;
        root.setOptionValue('db', await ensureDemoDatabase(globals.db, { progress: (line) => process.stderr.write(`duban: ${line}\n`) }));
        if (!globals.as) root.setOptionValue('as', demoOfficer());
      }
      const { runTui } = await import('../tui/runTui.js');
      // The demo's database is the console's own: it is brought up to date; any other must already be.
      await withSession(command, lang, (session) => runTui(session, { color: opts.color, ascii: opts.ascii, filter: opts.filter }), opts.demo ? 'migrate' : 'existing');
    });
}
