import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban audit verify | anchor | keys`. */
export function registerAuditCommands(program: Command, { lang, say }: CliContext): void {
  const audit = program.command('audit').description(say({ 'zh-CN': '审计日志', en: 'the audit log' }));
  audit
    .command('verify')
    .description(say({ 'zh-CN': '校验整条哈希链；有改动、插入或删除时以非零状态退出', en: 'check the whole hash chain; exits non-zero when anything was edited, inserted or deleted' }))
    .option('--anchors <file>', say({ 'zh-CN': '同时核对此锚点文件（默认：已配置的锚点文件，若存在）', en: 'also check the anchors of this file (default: the configured anchors file, when there is one)' }))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (opts: { json?: boolean; anchors?: string }, command: Command) => {
      const { existsSync } = await import('node:fs');
      const { resolve } = await import('node:path');
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      const { verifyAudit } = await import('../../core/audit/verifyAudit.js');
      const { translate } = await import('../../core/i18n/i18n.js');
      const { cliText } = await import('../i18n/cliText.js');
      await withSession(command, lang, async ({ duban }) => {
        const result = await verifyAudit(duban.store.db);
        const file = opts.anchors !== undefined ? resolve(opts.anchors) : duban.anchors.settings.anchorsFile;
        const checkAnchors = opts.anchors !== undefined || existsSync(file);
        const anchors = checkAnchors ? await duban.anchors.verify(file) : undefined;
        if (opts.json) printJson(anchors ? { ...result, anchors: { file, ...anchors } } : result);
        else if (!result.ok) process.stderr.write(`duban: AUDIT_BROKEN: ${cliText.t(lang, 'auditBad', { seq: result.seq, reason: translate(lang, `audit.${result.problem}`) })}\n`);
        else if (anchors && !anchors.ok) {
          const reason = translate(lang, `anchor.${anchors.problem}`);
          process.stderr.write(`duban: AUDIT_ANCHOR_BROKEN: ${cliText.t(lang, 'anchorBad', { seq: anchors.seq, line: anchors.line, file, reason })}\n`);
        } else {
          printLine(cliText.t(lang, 'auditOk', { count: result.rows }));
          if (anchors) printLine(cliText.t(lang, 'anchorOk', { count: anchors.anchors }));
        }
        if (!result.ok || (anchors && !anchors.ok)) process.exitCode = 1;
      });
    });

  audit
    .command('anchor')
    .description(say({ 'zh-CN': '签名记录审计链头，追加到锚点文件并发送到已配置的 webhook', en: 'sign the audit head, append it to the anchors file and send it to the configured webhooks' }))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      await withSession(command, lang, async ({ duban }) => {
        const result = await duban.anchors.anchor();
        for (const f of result.failed) process.stderr.write(`duban: warning: ${cliText.t(lang, 'anchorNotDelivered', f)}\n`);
        // The anchor is one JSON object on stdout either way: a script can keep it anywhere.
        if (opts.json) return printJson(result.anchor);
        printLine(JSON.stringify(result.anchor));
        process.stderr.write(`${cliText.t(lang, 'anchorWritten', { ...result.anchor, hash: result.anchor.hash.slice(0, 12), file: result.file })}\n`);
      });
    });

  audit
    .command('keys')
    .description(say({ 'zh-CN': '显示本机锚点签名公钥及其编号（供其他机器加入 audit.trustedKeys）', en: "print this machine's anchor public key and its id (for other machines' audit.trustedKeys)" }))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      await withSession(command, lang, async ({ duban }) => {
        const { publicKey } = duban.anchors.key();
        if (opts.json) return printJson({ ...publicKey, keyFile: duban.anchors.settings.keyFile, trusted: duban.anchors.trusted().map((k) => k.id) });
        printLine(`id: ${publicKey.id}`);
        printLine(publicKey.publicKey.trimEnd());
      });
    });
}
