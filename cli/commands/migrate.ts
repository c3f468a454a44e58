import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/**
 * `duban migrate [--json]` and `duban migrate status [--json]`: the schema changes of the
 * core and of each plugin, applied only when asked, after a verified backup of a SQLite file.
 */
export function registerMigrateCommands(program: Command, { lang, say }: CliContext): void {
  const json = say({ 'zh-CN': '输出 JSON', en: 'print JSON' });
  const migrate = program
    .command('migrate')
    .description(say({ 'zh-CN': '先备份（SQLite 文件，经校验），再执行待执行的数据库迁移（核心与各插件）', en: "back the database up (a SQLite file, verified), then apply the pending migrations (the core's and each plugin's)" }))
    .option('--json', json)
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { printJson, printLine } = await import('../output.js');
      const { withSession } = await import('../session.js');
      const { sessionClock } = await import('../sessionClock.js');
      const { backupDatabase } = await import('../../core/backup/backupDatabase.js');
      const { cliText } = await import('../i18n/cliText.js');
      const t = cliText.inLanguage(lang);
      const { before, target, store } = await readStatus(command);
      let backup: string | null = null;
      try {
        if (before.every((s) => s.pending.length === 0)) {
          if (opts.json) return printJson({ database: store.target, backup, applied: {} });
          return printLine(t('migrate.current', { target: store.target }));
        }
        if (store.dialect === 'sqlite') {
          const stamp = sessionClock().now().toISOString().replace(/[-:]|\.\d+/g, '');
          backup = (await backupDatabase(store, target, `${store.target}.before-migrate-${stamp}`)).file;
        }
      } finally {
        await store.close();
      }
      await withSession(command, lang, async () => undefined, 'migrate');
      const applied = Object.fromEntries(before.filter((s) => s.pending.length > 0).map((s) => [s.owner, s.pending]));
      if (opts.json) return printJson({ database: store.target, backup, applied });
      if (backup) printLine(t('migrate.backup', { file: backup }));
      else printLine(t('migrate.noBackup'));
      for (const [owner, names] of Object.entries(applied)) printLine(t('migrate.applied', { owner, names: names.join(', ') }));
    });

  migrate
    .command('status')
    .description(say({ 'zh-CN': '列出核心与各插件已执行和待执行的迁移（不做任何改动）', en: "list the core's and each plugin's applied and pending migrations (changes nothing)" }))
    .option('--json', json)
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { printJson, printTable, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      const t = cliText.inLanguage(lang);
      const { before, store } = await readStatus(command);
      await store.close();
      const pending = before.some((s) => s.pending.length > 0);
      // `--json` after `status` may be taken by `migrate`'s own option of that name.
      if (opts.json || command.parent?.opts<{ json?: boolean }>().json) return printJson({ database: store.target, current: !pending, owners: before });
      printTable(
        [t('migrate.owner'), t('migrate.appliedColumn'), t('migrate.pendingColumn')],
        before.map((s) => [s.owner, s.applied.length, s.pending.length === 0 ? '-' : s.pending.join(', ')]),
      );
      printLine(pending ? t('migrate.behind', { target: store.target }) : t('migrate.current', { target: store.target }));
    });
}

/** The database (which must exist) and what it holds of each migration set: the core's, then each loadable plugin's. */
async function readStatus(command: Command) {
  const { loadConfig } = await import('../../core/config/loadConfig.js');
  const { openStore } = await import('../../core/store/openStore.js');
  const { sessionPlugins, sessionTarget } = await import('../session.js');
  const { CORE_MIGRATION_SET, migrationStatus } = await import('../../core/store/migrationStatus.js');
  const { pluginMigrationSet } = await import('../../core/container/createDuban.js');
  const globals = command.optsWithGlobals<{ db?: string; config?: string }>();
  const target = sessionTarget(globals, await loadConfig(process.cwd(), globals.config));
  const plugins = await sessionPlugins(command);
  const store = await openStore(target, { mustExist: true });
  try {
    const sets = [CORE_MIGRATION_SET, ...plugins.loaded.map((p) => pluginMigrationSet(p.definition)).filter((s) => s.names.length > 0)];
    return { before: await migrationStatus(store, sets), target, store };
  } catch (error) {
    await store.close();
    throw error;
  }
}
