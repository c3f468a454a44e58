import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban audit verify`. */
export function registerAuditCommands(program: Command, { lang, say }: CliContext): void {
  const audit = program.command('audit').description(say({ 'zh-CN': '审计日志', en: 'the audit log' }));
  audit
    .command('verify')
    .description(say({ 'zh-CN': '校验整条哈希链；有改动、插入或删除时以非零状态退出', en: 'check the whole hash chain; exits non-zero when anything was edited, inserted or deleted' }))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      const { verifyAudit } = await import('../../core/index.js');
      const { translate } = await import('../../core/i18n/translate.js');
      await withSession(command, lang, async ({ duban }) => {
        const result = await verifyAudit(duban.store.db);
        if (opts.json) printJson(result);
        else if (result.ok) printLine(translate(lang, 'cli.auditOk', { count: result.rows }));
        else process.stderr.write(`duban: AUDIT_BROKEN: ${translate(lang, 'cli.auditBad', { seq: result.seq, reason: translate(lang, `audit.${result.problem}`) })}\n`);
        if (!result.ok) process.exitCode = 1;
      });
    });
}
