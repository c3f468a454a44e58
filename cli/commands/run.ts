import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban run <chainId>` and `duban send <instanceId> <EVENT>`. */
export function registerRunCommands(program: Command, { lang, say }: CliContext): void {
  const json = say({ 'zh-CN': '输出 JSON', en: 'print JSON' });
  program
    .command('run <chainId>')
    .description(say({ 'zh-CN': '启动一个任务链实例', en: 'start an instance of a chain' }))
    .option('--input <json>', say({ 'zh-CN': '输入数据（JSON 对象）', en: 'input data (a JSON object)' }))
    .option('--chain-version <n>', say({ 'zh-CN': '任务链版本（默认最新）', en: 'chain version (default: latest)' }))
    .option('--json', json)
    .action(async (chainId: string, opts: { input?: string; chainVersion?: string; json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { parseIntOption, parseJsonOption, printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      const input = parseJsonOption(opts.input, '--input');
      const version = parseIntOption(opts.chainVersion, '--chain-version');
      await withSession(command, lang, async ({ duban, actor }) => {
        const instance = await duban.engine.start(chainId, input, actor, { version });
        if (opts.json) return printJson(instance);
        printLine(cliText.t(lang, 'started', { id: instance.id, chain: instance.chainId, version: instance.chainVersion, state: instance.state }));
      });
    });

  program
    .command('send <instanceId> <event>')
    .description(say({ 'zh-CN': '向实例发送事件', en: 'send an event to an instance' }))
    .option('--data <json>', say({ 'zh-CN': '事件数据（JSON 对象）', en: 'event data (a JSON object)' }))
    .option('--revision <n>', say({ 'zh-CN': '仅当实例处于此版本时发送（防止覆盖他人修改）', en: "send only if the instance is at this revision (guards against overwriting someone's change)" }))
    .option('--json', json)
    .action(async (instanceId: string, event: string, opts: { data?: string; revision?: string; json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { parseIntOption, parseJsonOption, printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      const data = parseJsonOption(opts.data, '--data');
      const expectedRevision = parseIntOption(opts.revision, '--revision');
      await withSession(command, lang, async ({ duban, actor }) => {
        const result = await duban.engine.send(instanceId, { type: event, data }, actor, { expectedRevision });
        if (opts.json) return printJson(result);
        printLine(cliText.t(lang, 'sent', { id: instanceId, from: result.from, to: result.to, revision: result.instance.revision }));
      });
    });
}
