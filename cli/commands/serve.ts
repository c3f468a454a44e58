import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban serve [--once]`: fire due timers and run the outbox. */
export function registerServeCommand(program: Command, { lang, say }: CliContext): void {
  program
    .command('serve')
    .description(say({ 'zh-CN': '运行定时器与发件箱，直到收到 SIGINT/SIGTERM；SIGHUP 重新读取配置', en: 'run timers and the outbox until SIGINT/SIGTERM; SIGHUP reloads the config' }))
    .option('--once', say({ 'zh-CN': '只处理当前到期的事项然后退出', en: 'process what is due now, then exit' }))
    .option('--json', say({ 'zh-CN': '输出 JSON（与 --once 一起使用）', en: 'print JSON (with --once)' }))
    .action(async (opts: { once?: boolean; json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      const { runServeLoop, servePass } = await import('../serveLoop.js');
      await withSession(command, lang, async (session) => {
        if (opts.once) {
          const worker = session.duban.heartbeats.worker({ once: true });
          const pass = await servePass(session.duban);
          await session.duban.heartbeats.beat(worker);
          if (opts.json) return printJson(pass);
          const occurrences = cliText.t(lang, 'occurrences', { count: pass.schedules });
          printLine(cliText.t(lang, 'schedulePass', { occurrences, late: pass.schedulesLate, skipped: pass.schedulesSkipped }));
          const timers = cliText.t(lang, 'timers', { count: pass.timers });
          return printLine(cliText.t(lang, 'serveOnce', { timers, late: pass.late, outbox: cliText.t(lang, 'outboxRows', { count: pass.outbox }) }));
        }
        // Listening before saying it serves: SIGHUP would otherwise end the process.
        const { reloadOnHangup } = await import('../reloadOnHangup.js');
        const stopReloading = reloadOnHangup(session, command.optsWithGlobals<{ config?: string }>().config);
        process.stderr.write(`${cliText.t(lang, 'serving', { target: session.duban.store.target })}\n`);
        await runServeLoop(session.duban).finally(stopReloading);
        process.stderr.write(`${cliText.t(lang, 'stopped')}\n`);
      });
    });
}
