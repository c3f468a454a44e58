import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/**
 * `duban health [--json]`: a checklist for monitoring (cron, systemd, Nagios): exit 0
 * when healthy (warnings included), 1 when a check failed or the database cannot be
 * opened (a `DB_*` error is the report's database check, not a crash).
 */
export function registerHealthCommand(program: Command, { lang, say }: CliContext): void {
  program
    .command('health')
    .description(say({ 'zh-CN': '健康检查：数据库、结构、插件、serve 进程、发件箱、故障单、定时器、审计锚点；不健康时退出码为 1', en: 'health check: database, schema, plugins, serve workers, outbox, incidents, timers, audit anchor; exit 1 when unhealthy' }))
    .option('--json', say({ 'zh-CN': '输出 JSON（字段见 docs/health.md）', en: 'print JSON (fields: see docs/health.md)' }))
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { openSession, sessionTarget } = await import('../session.js');
      const { isDubanError } = await import('../../core/errors/DubanError.js');
      const { loadConfig } = await import('../../core/config/loadConfig.js');
      const { readHealth, unreachableHealth } = await import('../../core/health/readHealth.js');
      const { printJson, printLine } = await import('../output.js');
      const { CHECK_GLYPHS, healthLines, healthVerdict, localTime } = await import('../healthLines.js');
      const { cliText } = await import('../i18n/cliText.js');
      const { DEFAULT_SETTINGS } = await import('../../core/runtime/Settings.js');
      let report;
      let timeZone: string;
      try {
        const session = await openSession(command, lang);
        try {
          report = await readHealth(session.duban, { identity: session.identity });
          timeZone = session.duban.settings.timeZone;
        } finally {
          await session.close();
        }
      } catch (error) {
        if (!isDubanError(error) || !error.code.startsWith('DB_')) throw error;
        const config = await loadConfig(process.cwd(), command.optsWithGlobals().config);
        report = unreachableHealth(sessionTarget(command.optsWithGlobals(), config), error, new Date());
        timeZone = config.timeZone ?? DEFAULT_SETTINGS.timeZone;
      }
      process.exitCode = report.healthy ? 0 : 1;
      if (opts.json) return printJson(report);
      printLine(cliText.t(lang, 'health.title', { at: localTime(report.at, timeZone), zone: timeZone }));
      for (const line of healthLines(report, lang, timeZone)) printLine(`${CHECK_GLYPHS[line.status]} ${line.text}`);
      printLine(healthVerdict(report, lang));
    });
}
