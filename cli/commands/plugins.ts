import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban plugins list | doctor`. */
export function registerPluginCommands(program: Command, { lang, say }: CliContext): void {
  const plugins = program.command('plugins').description(say({ 'zh-CN': '科室插件', en: 'department plugins' }));
  const json = say({ 'zh-CN': '输出 JSON', en: 'print JSON' });

  const report = async (command: Command, asJson: boolean, doctor: boolean) => {
    const { withSession } = await import('../session.js');
    const { printJson, printLine, printTable } = await import('../output.js');
    const { cliText } = await import('../i18n/cliText.js');
    await withSession(command, lang, async ({ duban }) => {
      const loaded = duban.plugins.loaded.map((p) => ({
        id: p.id,
        version: p.version,
        source: p.source,
        status: 'ok' as const,
        title: p.definition.title,
        taskTypes: (p.definition.taskTypes ?? []).map((t) => t.name),
        chains: (p.definition.chains ?? []).length,
      }));
      const disabled = duban.plugins.disabled.map((p) => ({ id: p.id ?? null, source: p.source, status: 'disabled' as const, code: p.code, message: p.message }));
      if (doctor && disabled.length > 0) process.exitCode = 1;
      if (asJson) return printJson({ plugins: loaded, disabled });
      const t = cliText.inLanguage(lang);
      printTable(
        [t('plugins.plugin'), t('plugins.version'), t('plugins.status'), t('plugins.detail')],
        [
          ...loaded.map((p) => [p.id, p.version, t('plugins.ok'), t('plugins.summary', { title: p.title, taskTypes: t('plugins.taskTypes', { count: p.taskTypes.length }), chains: t('plugins.chains', { count: p.chains }) })]),
          ...disabled.map((p) => [p.id ?? p.source, '', t('plugins.disabled'), `${p.code}: ${p.message}`]),
        ],
      );
      if (doctor) printLine(disabled.length === 0 ? t('plugins.doctorOk') : t('plugins.doctorBad', { count: disabled.length }));
    });
  };

  plugins
    .command('list')
    .description(say({ 'zh-CN': '列出插件及其状态', en: 'list plugins and their status' }))
    .option('--json', json)
    .action((opts: { json?: boolean }, command: Command) => report(command, !!opts.json, false));

  plugins
    .command('doctor')
    .description(say({ 'zh-CN': '检查所有插件；有插件停用时以非零状态退出', en: 'check every plugin; exits non-zero when one is disabled' }))
    .option('--json', json)
    .action((opts: { json?: boolean }, command: Command) => report(command, !!opts.json, true));

  plugins
    .command('new <id>')
    .description(say({ 'zh-CN': '生成一个独立的插件包（TypeScript：任务类型、任务链、报表小节、命令、中英文文本、测试），并加入配置文件', en: 'scaffold a standalone plugin package (TypeScript: a task type, a chain, a report section, a command, zh/en texts, a test) and add it to the config file' }))
    .option('--dir <folder>', say({ 'zh-CN': '放在哪个目录下（默认当前目录）', en: 'parent folder (default: the current folder)' }), '.')
    .option('--json', json)
    .action(async (id: string, opts: { dir: string; json?: boolean }, command: Command) => {
      const { loadConfig } = await import('../../core/config/loadConfig.js');
      const { ENGINE_VERSION } = await import('../../core/version.js');
      const { scaffoldPlugin } = await import('../scaffold/scaffoldPlugin.js');
      const { printJson, printLine } = await import('../output.js');
      const config = await loadConfig(process.cwd(), command.optsWithGlobals<{ config?: string }>().config);
      const result = await scaffoldPlugin(id, opts.dir, process.cwd(), config.configFile, ENGINE_VERSION);
      if (opts.json) return printJson(result);
      printLine(say({ 'zh-CN': `已生成插件 ${id}：${result.folder}`, en: `Created plugin ${id} in ${result.folder}` }));
      for (const f of result.files) printLine(`  ${f}`);
      printLine(say({ 'zh-CN': `已加入 ${result.configFile}。下一步：cd ${id} && npm install && npm install duban && npm test；然后 npx duban plugins doctor`, en: `Added to ${result.configFile}. Next: cd ${id} && npm install && npm install duban && npm test; then npx duban plugins doctor` }));
    });
}
