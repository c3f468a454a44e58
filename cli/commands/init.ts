import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban init`: create or migrate the database and register the plugins' chains. */
export function registerInitCommand(program: Command, { lang, say }: CliContext): void {
  program
    .command('init')
    .description(say({ 'zh-CN': '创建或升级数据库，登记插件的任务链', en: "create or migrate the database and register the plugins' chains" }))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      await withSession(command, lang, async ({ duban }) => {
        const chains = await duban.chains.list();
        const result = {
          database: duban.store.target,
          dialect: duban.store.dialect,
          plugins: duban.plugins.loaded.map((p) => p.id),
          disabledPlugins: duban.plugins.disabled.map((p) => ({ source: p.source, code: p.code, message: p.message })),
          chains: chains.map((c) => `${c.id}@${c.version}`),
        };
        if (opts.json) return printJson(result);
        printLine(cliText.t(lang, 'initDone', { target: result.database }));
        for (const d of result.disabledPlugins) printLine(`  ! ${d.code}: ${d.message}`);
      }, 'create');
    });
}
