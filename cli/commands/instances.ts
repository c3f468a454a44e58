import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban instances list | show <id>`. */
export function registerInstanceCommands(program: Command, { lang, say }: CliContext): void {
  const instances = program.command('instances').description(say({ 'zh-CN': '任务链实例', en: 'chain instances' }));
  const json = say({ 'zh-CN': '输出 JSON', en: 'print JSON' });

  instances
    .command('list')
    .description(say({ 'zh-CN': '列出实例（最新在前）', en: 'list instances, newest first' }))
    .option('--chain <id>', say({ 'zh-CN': '按任务链筛选', en: 'only this chain' }))
    .option('--status <status>', say({ 'zh-CN': 'active 或 done', en: 'active or done' }))
    .option('--assignee <person>', say({ 'zh-CN': '按负责人筛选', en: 'only this assignee' }))
    .option('--limit <n>', say({ 'zh-CN': '最多条数（默认 200）', en: 'at most this many (default 200)' }))
    .option('--json', json)
    .action(async (opts: { chain?: string; status?: string; assignee?: string; limit?: string; json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { parseIntOption, printJson, printTable } = await import('../output.js');
      const { DubanError } = await import('../../core/errors/DubanError.js');
      if (opts.status !== undefined && opts.status !== 'active' && opts.status !== 'done') {
        throw new DubanError('USAGE', `--status: "${opts.status}" is not active or done`, { place: { argument: '--status' } });
      }
      await withSession(command, lang, async ({ duban }) => {
        const list = await duban.engine.list({
          chainId: opts.chain,
          status: opts.status as 'active' | 'done' | undefined,
          assigneePerson: opts.assignee,
          limit: parseIntOption(opts.limit, '--limit'),
        });
        if (opts.json) return printJson(list.map(({ context: _context, ...rest }) => rest));
        printTable(
          ['id', say({ 'zh-CN': '任务链', en: 'chain' }), say({ 'zh-CN': '环节', en: 'step' }), say({ 'zh-CN': '状态', en: 'status' }), say({ 'zh-CN': '负责', en: 'assignee' }), say({ 'zh-CN': '更新', en: 'updated' })],
          list.map((i) => [i.id, `${i.chainId}@${i.chainVersion}`, i.stateTitle[lang], i.status, i.assigneePerson ?? i.assigneeRole ?? '', i.updatedAt]),
        );
      });
    });

  instances
    .command('show <id>')
    .description(say({ 'zh-CN': '显示实例：当前环节、数据、待触发的定时器、历史', en: 'show an instance: step, data, pending timers, history' }))
    .option('--json', json)
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine, printTable } = await import('../output.js');
      await withSession(command, lang, async ({ duban }) => {
        const instance = await duban.engine.get(id);
        const timers = await duban.timers.pendingFor(id);
        const { auditOfInstance } = await import('../../core/audit/auditOfInstance.js');
        const history = (await auditOfInstance(duban.store.db, id)).map((h) => ({ seq: Number(h.seq), at: h.at, actor: h.actor, event: h.event, state_before: h.state_before, state_after: h.state_after }));
        if (opts.json) return printJson({ ...instance, timers, history });
        printLine(`${instance.id}  ${instance.chainTitle[lang]} (${instance.chainId}@${instance.chainVersion})`);
        printLine(`${say({ 'zh-CN': '环节', en: 'step' })}: ${instance.stateTitle[lang]} [${instance.state}]  ${instance.status}  rev ${instance.revision}`);
        printLine(`${say({ 'zh-CN': '负责', en: 'assignee' })}: ${instance.assigneePerson ?? instance.assigneeRole ?? '-'}`);
        printLine(`${say({ 'zh-CN': '数据', en: 'data' })}: ${JSON.stringify(instance.context.data)}`);
        for (const t of timers) printLine(`${say({ 'zh-CN': '定时器', en: 'timer' })}: ${t.key} ${t.dueAt}`);
        printTable(['#', say({ 'zh-CN': '时间', en: 'at' }), say({ 'zh-CN': '操作人', en: 'actor' }), say({ 'zh-CN': '事件', en: 'event' }), say({ 'zh-CN': '环节变化', en: 'step change' })],
          history.map((h) => [Number(h.seq), h.at, h.actor, h.event, `${h.state_before ?? ''} -> ${h.state_after ?? ''}`]));
      });
    });
}
