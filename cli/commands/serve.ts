import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban serve [--once]`: fire due timers and run the outbox. */
export function registerServeCommand(program: Command, { lang, say }: CliContext): void {
  program
    .command('serve')
    .description(say({ 'zh-CN': '运行定时器与发件箱，直到收到 SIGINT/SIGTERM；SIGHUP 重新读取配置', en: 'run timers and the outbox until SIGINT/SIGTERM; SIGHUP reloads the config' }))
    .option('--once', say({ 'zh-CN': '只处理当前到期的事项然后退出', en: 'process what is due now, then exit' }))
    .option('--json', say({ 'zh-CN': '输出 JSON（与 --once 一起使用）', en: 'print JSON (with --once)' }))
    .option('--backup-dir <dir>', say({ 'zh-CN': '每个自然日（按配置的时区）在此目录留一份经校验的备份（也可在配置中设 backup.dir）', en: 'keep one verified backup per calendar day (in the configured time zone) in this folder (config: backup.dir)' }))
    .option('--backup-keep <n>', say({ 'zh-CN': '保留最近几份每日备份（默认 7；配置：backup.keep）', en: 'how many daily backups to keep (default 7; config: backup.keep)' }))
    .action(async (opts: { once?: boolean; json?: boolean; backupDir?: string; backupKeep?: string }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { parseIntOption, printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      const { runServeLoop, servePass } = await import('../serveLoop.js');
      await withSession(command, lang, async (session) => {
        // Node's own warnings would be plain text in the JSON stream: they become log records.
        process.removeAllListeners('warning');
        process.on('warning', (warning) => session.duban.logger.warn({ code: 'NODE_WARNING', name: warning.name, err: warning }, warning.message));
        if (opts.once) {
          const worker = session.duban.heartbeats.worker({ once: true });
          const pass = await servePass(session.duban);
          await session.duban.heartbeats.beat(worker);
          if (opts.json) return printJson(pass);
          const occurrences = cliText.t(lang, 'occurrences', { count: pass.schedules });
          printLine(cliText.t(lang, 'schedulePass', { occurrences, late: pass.schedulesLate, skipped: pass.schedulesSkipped }));
          const timers = cliText.t(lang, 'timers', { count: pass.timers });
          const outbox = cliText.t(lang, 'outboxRows', { count: pass.outbox });
          const notifications = cliText.t(lang, 'notifications', { count: pass.notifications });
          return printLine(cliText.t(lang, 'serveOnce', { timers, late: pass.late, outbox, failed: pass.outboxFailed, notifications }));
        }
        // Listening before saying it serves: SIGHUP would otherwise end the process.
        const { reloadOnHangup } = await import('../reloadOnHangup.js');
        const stopReloading = reloadOnHangup(session, command.optsWithGlobals<{ config?: string }>().config);
        // Operator-facing, through the one log stream: English with a stable code.
        const { logger } = session.duban;
        logger.info({ code: 'SERVE_STARTED', target: session.duban.store.target, pollIntervalMs: session.duban.settings.pollIntervalMs }, 'serving timers, schedules and the outbox; SIGINT or SIGTERM stops');
        const { resolve } = await import('node:path');
        const { sessionTarget } = await import('../session.js');
        const { config } = session;
        const dir = opts.backupDir ?? (config.backup ? resolve(config.configDir, config.backup.dir) : undefined);
        const keep = parseIntOption(opts.backupKeep, '--backup-keep') ?? config.backup?.keep ?? 7;
        const target = sessionTarget(command.optsWithGlobals(), config);
        await runServeLoop(session.duban, undefined, dir ? { dailyBackup: { dir, keep, target } } : {}).finally(stopReloading);
        logger.info({ code: 'SERVE_STOPPED' }, 'stopped');
      });
    });
}
