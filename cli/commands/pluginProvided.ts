import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/**
 * Adds the commands of every plugin (built in, and named by the config file) under the
 * group each declares (`duban tb lqas`, `duban radiology checks`). Manifests are validated
 * first; a plugin that fails, or whose group is a core command or an earlier plugin's, is
 * not offered here (and the engine disables it, saying why: `duban plugins doctor`).
 * With `onlyGroup`, only the plugins that declare that group, or do not say which they
 * declare, are loaded.
 */
export async function registerPluginProvidedCommands(program: Command, { lang, say }: CliContext, configFile?: string, onlyGroup?: string): Promise<void> {
  const { builtinPlugins } = await import('../../plugins/index.js');
  const { manifestSchema } = await import('../../core/plugin/manifestSchema.js');
  const { commandGroupClash, commandGroupOf } = await import('../../core/plugin/commandGroup.js');
  const { loadConfig } = await import('../../core/config/loadConfig.js');
  const { configPlugins } = await import('../configPlugins.js');
  const { CORE_COMMANDS } = await import('../coreCommands.js');
  const { pickDefinition } = await import('../../core/plugin/pickDefinition.js');
  const config = await loadConfig(process.cwd(), configFile);
  const groups = new Map<string, Command>();
  const taken = new Map<string, string>();
  for (const candidate of [...builtinPlugins, ...configPlugins(config)]) {
    // A plugin that says which group it declares is loaded only when that group runs
    // (or for help); its group is still taken, so a later plugin cannot claim it.
    if (onlyGroup !== undefined && candidate.commandGroup !== undefined && candidate.commandGroup !== onlyGroup) {
      if (candidate.commandGroup !== null) taken.set(candidate.commandGroup, candidate.source);
      continue;
    }
    const value = (await Promise.resolve(candidate.load()).then(pickDefinition, () => undefined)) as import('../../core/index.js').PluginDefinition | undefined;
    if (!value || !manifestSchema.safeParse(value).success || commandGroupClash(value, CORE_COMMANDS, taken)) continue;
    const group = commandGroupOf(value);
    if (group !== undefined) taken.set(group, value.id);
    for (const spec of value.commands ?? []) {
      const words = spec.name.split(' ');
      let parent = program;
      for (const word of words.slice(0, -1)) {
        const key = `${parent.name()}/${word}`;
        let group = groups.get(key) ?? parent.commands.find((c) => c.name() === word);
        if (!group) {
          group = parent.command(word).description(value.title[lang]);
          group.exitOverride();
        }
        groups.set(key, group);
        parent = group;
      }
      const command = parent.command(words[words.length - 1]!).description(say(spec.summary));
      for (const option of spec.options ?? []) {
        if (option.required) command.requiredOption(option.flags, say(option.description), option.default);
        else command.option(option.flags, say(option.description), option.default);
      }
      command.option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }));
      command.exitOverride();
      command.action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
        const { printJson, printLine } = await import('../output.js');
        const json = opts.json === true;
        const print = (text: string) => {
          if (!json) printLine(text);
        };
        if (spec.pure) {
          // No database: the command's own options and files are all it reads.
          const { pureCommandContext } = await import('../../core/plugin/commandContext.js');
          const { sessionClock } = await import('../sessionClock.js');
          const result = await spec.run(opts, pureCommandContext(value, { lang, json, config: config.pluginConfig?.[value.id] ?? {}, print, now: sessionClock().now() }));
          if (json) printJson(result);
          return;
        }
        const { withSession } = await import('../session.js');
        await withSession(cmd, lang, async ({ duban, actor, config }) => {
          const { isRefusal } = await import('../../core/access/refusals.js');
          const { commandContext } = await import('../../core/plugin/commandContext.js');
          const ctx = commandContext(duban, value.id, actor, {
            lang,
            json,
            config: config.pluginConfig?.[value.id] ?? {},
            print,
          });
          const result = await spec.run(opts, ctx).catch(async (error: unknown) => {
            // A refusal the command made itself is audited too, once.
            if (isRefusal(error)) await duban.access.recordRefusal(actor, error, { event: spec.name });
            throw error;
          });
          if (json) printJson(result);
        });
      });
    }
  }
}
