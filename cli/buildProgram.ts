import { Command } from 'commander';
import type { Language } from '../core/i18n/Localized.js';
import { ENGINE_VERSION } from '../core/version.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerChainCommands } from './commands/chains.js';
import { registerCompletionCommand } from './commands/completion.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerFindingCommands } from './commands/findings.js';
import { registerOrgCommands } from './commands/org.js';
import { registerIncidentCommands } from './commands/incidents.js';
import { registerHealthCommand } from './commands/health.js';
import { registerInboxCommand } from './commands/inbox.js';
import { registerInitCommand } from './commands/init.js';
import { registerInstanceCommands } from './commands/instances.js';
import { registerMigrateCommands } from './commands/migrate.js';
import { registerPluginCommands } from './commands/plugins.js';
import { registerPluginProvidedCommands } from './commands/pluginProvided.js';
import { registerReportCommands } from './commands/report.js';
import { registerRunCommands } from './commands/run.js';
import { registerScheduleCommands } from './commands/schedules.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTuiCommand } from './commands/tui.js';
import { firstCommandWord, optionValue } from './argv.js';
import { addHelpExamples } from './helpExamples.js';
import { sayIn } from './say.js';

/** The core's command groups; any other first word may be a plugin's command. */
export { CORE_COMMANDS } from './coreCommands.js';
import { CORE_COMMANDS } from './coreCommands.js';

/**
 * Builds the `duban` command. Command modules load only commander; each action imports
 * what it needs when it runs. Plugin-provided commands are added only when the first word
 * is not a core command (or for help), because listing them means loading the plugins.
 */
export async function buildProgram(argv: readonly string[], lang: Language): Promise<Command> {
  const say = sayIn(lang);
  const program = new Command('duban')
    .description(say({ 'zh-CN': 'duban（督办）：医院质控办的督查工作流引擎', en: "duban (督办): the supervision workflow engine of a hospital's quality office" }))
    .version(ENGINE_VERSION, '-V, --version', say({ 'zh-CN': '显示版本', en: 'print the version' }))
    .helpOption('-h, --help', say({ 'zh-CN': '显示帮助', en: 'show help' }))
    .option('--db <target>', say({ 'zh-CN': 'SQLite 文件路径或 postgres:// 地址（默认 DUBAN_DB 或用户数据目录）', en: 'SQLite file or postgres:// URL (default: DUBAN_DB, the config, or the XDG data folder)' }))
    .option('--config <file>', say({ 'zh-CN': '配置文件', en: 'config file' }))
    .option('--as <person>', say({ 'zh-CN': '以此人员身份操作', en: 'act as this person' }))
    .option('--lang <lang>', say({ 'zh-CN': '界面语言：zh-CN 或 en（默认 DUBAN_LANG、配置中的 lang、系统区域设置）', en: 'language: zh-CN or en (default: DUBAN_LANG, the config lang, the locale)' }))
    .exitOverride()
    // commander's own usage errors ("error: unknown command") follow duban's convention too.
    .configureOutput({ outputError: (text, write) => write(`duban: USAGE: ${text.replace(/^error: /, '')}`) })
    .showHelpAfterError();
  const ctx = { lang, say };
  registerInitCommand(program, ctx);
  registerChainCommands(program, ctx);
  registerRunCommands(program, ctx);
  registerInstanceCommands(program, ctx);
  registerServeCommand(program, ctx);
  registerHealthCommand(program, ctx);
  registerAuditCommands(program, ctx);
  registerIncidentCommands(program, ctx);
  registerPluginCommands(program, ctx);
  registerTuiCommand(program, ctx);
  registerDemoCommand(program, ctx);
  registerFindingCommands(program, ctx);
  registerOrgCommands(program, ctx);
  registerScheduleCommands(program, ctx);
  registerInboxCommand(program, ctx);
  registerReportCommands(program, ctx);
  registerMigrateCommands(program, ctx);
  registerBackupCommands(program, ctx);
  registerCompletionCommand(program, ctx);
  addHelpExamples(program, say);
  const first = firstCommandWord(argv);
  const wantsHelp = argv.includes('--help') || argv.includes('-h') || first === 'help';
  if ((first !== undefined && !CORE_COMMANDS.includes(first)) || wantsHelp) {
    await registerPluginProvidedCommands(program, ctx, optionValue(argv, '--config'), wantsHelp ? undefined : first);
  }
  for (const sub of program.commands) sub.exitOverride();
  return program;
}
