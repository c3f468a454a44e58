import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** `duban chains list | show <id> | validate <file>`, and `duban form <chain> [step]`. */
export function registerChainCommands(program: Command, { lang, say }: CliContext): void {
  const chains = program.command('chains').description(say({ 'zh-CN': '任务链定义', en: 'chain definitions' }));
  const json = say({ 'zh-CN': '输出 JSON', en: 'print JSON' });

  chains
    .command('list')
    .description(say({ 'zh-CN': '列出已登记的任务链及其版本', en: 'list registered chains and their versions' }))
    .option('--json', json)
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printTable } = await import('../output.js');
      await withSession(command, lang, async ({ duban }) => {
        const list = await duban.chains.list();
        if (opts.json) return printJson(list);
        printTable(
          [say({ 'zh-CN': '任务链', en: 'chain' }), say({ 'zh-CN': '版本', en: 'version' }), say({ 'zh-CN': '名称', en: 'title' }), say({ 'zh-CN': '来源', en: 'source' })],
          list.map((c) => [c.id, c.version, c.title[lang], c.source]),
        );
      });
    });

  chains
    .command('show <id>')
    .description(say({ 'zh-CN': '显示一个任务链的定义', en: 'show the definition of a chain' }))
    .option('--chain-version <n>', say({ 'zh-CN': '版本（默认最新）', en: 'version (default: latest)' }))
    .option('--json', json)
    .action(async (id: string, opts: { json?: boolean; chainVersion?: string }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine, parseIntOption } = await import('../output.js');
      await withSession(command, lang, async ({ duban }) => {
        const chain = await duban.chains.get(id, parseIntOption(opts.chainVersion, '--chain-version'));
        if (opts.json) return printJson({ ...chain.spec, contentHash: chain.contentHash });
        const { spec } = chain;
        printLine(`${spec.id}@${spec.version}  ${spec.title[lang]}`);
        printLine(`${say({ 'zh-CN': '起始环节', en: 'initial step' })}: ${spec.initial}`);
        const { chainForms } = await import('../forms/stepForms.js');
        const { printFormFields } = await import('../forms/printFormFields.js');
        const forms = chainForms(spec, duban.plugins);
        const input = forms.find((f) => f.step === 'input');
        if (input) {
          printLine(`${say({ 'zh-CN': '输入（--input）', en: 'input (--input)' })}:`);
          printFormFields(input.form, lang);
        }
        for (const [name, state] of Object.entries(spec.states)) {
          const events = Object.entries(state.on ?? {}).map(([event, t]) => {
            const targets = (Array.isArray(t) ? t : [t]).map((x) => x.target ?? '·');
            return `${event} -> ${targets.join(' | ')}`;
          });
          const extras = [state.task && `task ${state.task}`, state.sla && `SLA ${state.sla.after ?? state.sla.at}`, state.type].filter(Boolean);
          printLine(`  ${name}  ${state.title[lang]}${extras.length ? `  [${extras.join(', ')}]` : ''}`);
          for (const e of events) printLine(`      ${e}`);
          for (const f of forms.filter((x) => x.step === name)) {
            printLine(`      ${say({ 'zh-CN': `${f.event} 的表单（--data）`, en: `form of ${f.event} (--data)` })}:`);
            printFormFields(f.form, lang, '        ');
          }
        }
      });
    });

  program
    .command('form <chain> [step]')
    .description(say({ 'zh-CN': '打印任务链输入（或某环节表单）的示例 JSON，尖括号处须填实际值', en: 'print example JSON for a chain’s input (or a step’s form); fill in the values in angle brackets' }))
    .option('--event <event>', say({ 'zh-CN': '环节有多个表单时，选择事件', en: 'the event, when the step has several forms' }))
    .option('--chain-version <n>', say({ 'zh-CN': '版本（默认最新）', en: 'version (default: latest)' }))
    .action(async (id: string, step: string | undefined, opts: { event?: string; chainVersion?: string }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, parseIntOption } = await import('../output.js');
      const { DubanError } = await import('../../core/errors/DubanError.js');
      const { chainForms } = await import('../forms/stepForms.js');
      const { exampleData } = await import('../forms/exampleData.js');
      await withSession(command, lang, async ({ duban }) => {
        const { spec } = await duban.chains.get(id, parseIntOption(opts.chainVersion, '--chain-version'));
        if (step !== undefined && !(step in spec.states)) {
          throw new DubanError('USAGE', `${id} has no step "${step}": ${Object.keys(spec.states).join(', ')}`, { place: { argument: step } });
        }
        // Without a step: the input that starts the chain.
        const forms = chainForms(spec, duban.plugins, step).filter((f) => (step === undefined ? f.step === 'input' : opts.event === undefined || f.event === opts.event));
        if (forms.length === 0) {
          throw new DubanError('USAGE', step ? `step "${step}" of ${id} takes no form${opts.event ? ` for ${opts.event}` : ''}` : `${id} takes no input`, { place: { argument: step ?? id } });
        }
        if (forms.length > 1) {
          throw new DubanError('USAGE', `step "${step}" of ${id} has forms for ${forms.map((f) => f.event).join(', ')}: choose one with --event`, { place: { argument: '--event' } });
        }
        printJson(exampleData(forms[0]!.form, lang));
      });
    });

  chains
    .command('validate <file>')
    .description(say({ 'zh-CN': '校验任务链文件（- 表示标准输入；不写入任何数据）', en: 'validate a chain file (- for standard input; writes nothing)' }))
    .option('--json', json)
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const { DubanError } = await import('../../core/errors/DubanError.js');
      const { parseChainSource } = await import('../../core/workflow/parseChainSource.js');
      const { readInputFile } = await import('../../core/util/readInputFile.js');
      const { compileChain } = await import('../../core/kernel/compileChain.js');
      const { printJson, printLine } = await import('../output.js');
      const { cliText } = await import('../i18n/cliText.js');
      let input;
      try {
        input = await readInputFile(file);
      } catch (cause) {
        throw new DubanError('CHAIN_FILE_UNREADABLE', `cannot read ${file}: ${(cause as Error).message}`, { place: { file }, cause });
      }
      const text = input.bytes.toString('utf8');
      const parsed = parseChainSource(text, input.name);
      // Task type names are checked against the plugins that load here; no database is opened.
      const { locateChainError } = await import('../../core/workflow/locateChainError.js');
      const { sessionPlugins } = await import('../session.js');
      const plugins = await sessionPlugins(command);
      try {
        compileChain(parsed.spec, parsed.contentHash, plugins.lookup, input.name);
      } catch (error) {
        throw locateChainError(error, text);
      }
      if (opts.json) return printJson({ valid: true, id: parsed.spec.id, version: parsed.spec.version, contentHash: parsed.contentHash });
      printLine(cliText.t(lang, 'chainValid', { file: input.name, id: parsed.spec.id, version: parsed.spec.version }));
    });
}
