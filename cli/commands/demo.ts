import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** Options of `duban demo`, as commander hands them over. */
interface DemoCommandOptions {
  seed: string;
  months: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `duban demo [--db <target>] [--seed N] [--months 6] [--force] [--json]`: builds the demo
 * hospital (demo/buildDemoHospital.ts) in `--db`, else `DUBAN_DB`, else `demo.db` in
 * the XDG data folder (the database `duban tui --demo` opens). The history ends at
 * `DUBAN_NOW` when set. A database with data is replaced only with `--force`.
 */
export function registerDemoCommand(program: Command, { lang, say }: CliContext): void {
  program
    .command('demo')
    .description(
      say({
        'zh-CN': '建立示例医院：组织、定时计划和数月督办历史（经真实引擎产生）；写入 --db 或 DUBAN_DB，默认用户数据目录下的 demo.db',
        en: 'build the demo hospital: org, schedules and months of supervision history, through the real engine; into --db or DUBAN_DB, by default demo.db in the XDG data folder',
      }),
    )
    .option('--seed <n>', say({ 'zh-CN': '随机种子：相同种子得到相同的医院', en: 'random seed: the same seed gives the same hospital' }), '2026')
    .option('--months <n>', say({ 'zh-CN': '历史的月数，1 至 24', en: 'months of history, 1 to 24' }), '6')
    .option('--force', say({ 'zh-CN': '替换已有数据的数据库', en: 'replace a database that holds data' }))
    .option('--json', say({ 'zh-CN': '输出 JSON（各项计数）', en: 'print JSON (the counts)' }))
    .action(async (opts: DemoCommandOptions, command: Command) => {
      const { parseIntOption, printJson, printLine } = await import('../output.js');
      const { buildDemoHospital } = await import('../../demo/buildDemoHospital.js');
      const { defaultDemoTarget } = await import('../../demo/ensureDemoDatabase.js');
      const { demoNow } = await import('../../demo/demoNow.js');
      const { demoSummaryText } = await import('../../demo/demoSummaryText.js');
      const target = command.optsWithGlobals<{ db?: string }>().db ?? process.env.DUBAN_DB ?? defaultDemoTarget();
      const seed = parseIntOption(opts.seed, '--seed', 0)!;
      const months = parseIntOption(opts.months, '--months')!;
      const { displayTarget } = await import('../../demo/demoTarget.js');
      const shown = displayTarget(target);
      const progress = () => process.stderr.write(say({ 'zh-CN': `正在建立示例医院：${shown}……\n`, en: `Building the demo hospital in ${shown}...\n` }));
      const summary = await buildDemoHospital(target, { seed, months, now: demoNow(), force: opts.force === true, progress });
      if (opts.json) return printJson(summary);
      for (const line of demoSummaryText(summary, lang)) printLine(line);
    });
}
