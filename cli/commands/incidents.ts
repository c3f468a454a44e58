import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban incidents list | retry <id> | resolve <id> --note`. */
export function registerIncidentCommands(program: Command, { lang, say }: CliContext): void {
  const incidents = program.command('incidents').description(say({ 'zh-CN': '故障单：多次重试仍失败的插件活动与投递', en: 'incidents: plugin activities and deliveries that kept failing' }));

  incidents
    .command('list')
    .description(say({ 'zh-CN': '列出故障单', en: 'list incidents' }))
    .option('--status <status>', say({ 'zh-CN': 'open 或 resolved（默认全部）', en: 'open or resolved (default: all)' }))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (opts: { status?: string; json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printTable } = await import('../output.js');
      const { DubanError } = await import('../../core/errors/DubanError.js');
      if (opts.status !== undefined && opts.status !== 'open' && opts.status !== 'resolved') {
        throw new DubanError('USAGE', `--status: "${opts.status}" is not open or resolved`, { place: { argument: '--status' } });
      }
      await withSession(command, lang, async ({ duban }) => {
        const list = await duban.incidents.list(opts.status as 'open' | 'resolved' | undefined);
        if (opts.json) return printJson(list);
        printTable(
          ['id', say({ 'zh-CN': '状态', en: 'status' }), say({ 'zh-CN': '实例', en: 'instance' }), say({ 'zh-CN': '插件', en: 'plugin' }), say({ 'zh-CN': '时间', en: 'at' }), say({ 'zh-CN': '原因', en: 'message' })],
          list.map((i) => [i.id, i.status, i.instanceId ?? '', i.pluginId ?? '', i.createdAt, i.message]),
        );
      });
    });

  incidents
    .command('retry <id>')
    .description(say({ 'zh-CN': '重新排队执行失败的事项', en: 'queue the failed work again' }))
    .action(async (id: string, _opts: unknown, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      await withSession(command, lang, async ({ duban, actor }) => {
        await duban.incidents.retry(id, actor.id);
        await duban.outbox.runDue();
        printLine(cliText.t(lang, 'incidentRetried', { id }));
      });
    });

  incidents
    .command('resolve <id>')
    .description(say({ 'zh-CN': '手工解决并放弃失败的事项', en: 'resolve by hand and abandon the failed work' }))
    .requiredOption('--note <text>', say({ 'zh-CN': '处理说明', en: 'what was done' }))
    .action(async (id: string, opts: { note: string }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      await withSession(command, lang, async ({ duban, actor }) => {
        await duban.incidents.resolve(id, actor.id, opts.note);
        printLine(cliText.t(lang, 'incidentResolved', { id }));
      });
    });
}
