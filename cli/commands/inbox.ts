import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban inbox [--all] [--read <id>] [--json]`: the current person's notifications (`--as`). */
export function registerInboxCommand(program: Command, { lang, say }: CliContext): void {
  program
    .command('inbox')
    .description(say({ 'zh-CN': '我的收件箱：提醒与通知（当前人员，见 --as）', en: 'my inbox: reminders and notifications (the current person, see --as)' }))
    .option('--all', say({ 'zh-CN': '包括已读', en: 'include read messages' }))
    .option('--read <id>', say({ 'zh-CN': '把这条标为已读', en: 'mark this message read' }))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (opts: { all?: boolean; read?: string; json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine, printTable } = await import('../output.js');
      await withSession(command, lang, async ({ duban, actor }) => {
        if (opts.read !== undefined) {
          await duban.inbox.markRead(actor.id, opts.read);
          if (opts.json) return printJson({ id: opts.read, person: actor.id, read: true });
          return printLine(say({ 'zh-CN': `已标为已读：${opts.read}`, en: `Marked read: ${opts.read}` }));
        }
        const messages = await duban.inbox.list(actor.id, { all: opts.all });
        if (opts.json) return printJson(messages);
        if (messages.length === 0) {
          return printLine(say({ 'zh-CN': `${actor} 没有${opts.all ? '' : '未读'}消息。`, en: `${actor} has no ${opts.all ? '' : 'unread '}messages.` }));
        }
        const { formatTime, formatZone } = await import('../tui/text/formatTime.js');
        const zone = duban.settings.timeZone;
        printTable(
          ['id', `${say({ 'zh-CN': '时间', en: 'at' })} (${formatZone(zone)})`, say({ 'zh-CN': '状态', en: 'status' }), say({ 'zh-CN': '内容', en: 'message' })],
          messages.map((m) => [
            m.id,
            formatTime(m.createdAt, zone),
            m.readAt ? say({ 'zh-CN': '已读', en: 'read' }) : say({ 'zh-CN': '未读', en: 'unread' }),
            m.message[lang].split('\n')[0],
          ]),
        );
      });
    });
}
