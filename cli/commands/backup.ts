import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/**
 * `duban backup <file> [--force]` and `duban restore <backup> --db <new target>`: a
 * verified online copy of the database, and a verified restore into a new one.
 */
export function registerBackupCommands(program: Command, { lang, say }: CliContext): void {
  const json = say({ 'zh-CN': '输出 JSON', en: 'print JSON' });
  program
    .command('backup <file>')
    .description(say({ 'zh-CN': '在线备份数据库（serve 运行时亦可），校验 integrity_check 与审计链后才报告成功；PostgreSQL 用 pg_dump', en: 'back the database up online (while serve runs too), reporting success only after integrity_check and the audit chain verify; pg_dump on PostgreSQL' }))
    .option('--force', say({ 'zh-CN': '覆盖已有的文件', en: 'replace an existing file' }))
    .option('--json', json)
    .action(async (file: string, opts: { force?: boolean; json?: boolean }, command: Command) => {
      const { loadConfig } = await import('../../core/config/loadConfig.js');
      const { openStore } = await import('../../core/store/openStore.js');
      const { sessionTarget } = await import('../session.js');
      const { backupDatabase } = await import('../../core/backup/backupDatabase.js');
      const { printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      const globals = command.optsWithGlobals<{ db?: string; config?: string }>();
      const target = sessionTarget(globals, await loadConfig(process.cwd(), globals.config));
      // Only the store: an outdated schema is exactly what one backs up before migrating.
      const store = await openStore(target, { mustExist: true });
      try {
        const result = await backupDatabase(store, target, file, { force: opts.force === true });
        if (opts.json) return printJson(result);
        const t = cliText.inLanguage(lang);
        printLine(result.auditRows === null ? t('backup.donePg', { file: result.file }) : t('backup.done', { file: result.file, rows: result.auditRows }));
      } finally {
        await store.close();
      }
    });

  program
    .command('restore <backup>')
    .description(say({ 'zh-CN': '把备份恢复到 --db 指定的新数据库（不覆盖已有的），并校验；PostgreSQL 用 pg_restore 恢复到空库', en: 'restore a backup into the new database --db names (never over one) and verify it; pg_restore into an empty database on PostgreSQL' }))
    .option('--json', json)
    .action(async (backup: string, opts: { json?: boolean }, command: Command) => {
      const { DubanError } = await import('../../core/errors/DubanError.js');
      const { restoreDatabase } = await import('../../core/backup/restoreDatabase.js');
      const { printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      // The target is named on purpose: never the configured or default database.
      const target = command.optsWithGlobals<{ db?: string }>().db;
      if (!target) throw new DubanError('USAGE', 'restore needs --db <new file or empty postgres:// database>: it never restores over the configured database', { place: { argument: '--db' } });
      const result = await restoreDatabase(backup, target);
      if (opts.json) return printJson(result);
      printLine(cliText.t(lang, 'backup.restored', { target: result.target, rows: result.auditRows }));
    });
}
