import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

interface ReportOptions {
  readonly month?: string;
  readonly year?: string;
  readonly dept?: string;
  readonly format?: string;
  readonly output?: string;
}

/**
 * `duban report monthly --month YYYY-MM | yearly --year YYYY [--dept D] [--format
 * md|html|csv|json|xlsx] [-o file]`: the quality report of a month or a year, from the
 * core's findings and every plugin's report sections. The format defaults to the output
 * file's extension, else md; an extension that is not the format's is a usage error. A
 * section that fails is left out, named on stderr, and the exit code is 1; the rest of the
 * report is still written.
 */
export function registerReportCommands(program: Command, { lang, say }: CliContext): void {
  const report = program.command('report').description(say({ 'zh-CN': '质量报告：月报与年度报告（含年终总结要点）', en: 'quality reports: monthly and yearly (with year-end summary sentences)' }));
  const shared = (command: Command) =>
    command
      .option('--dept <id>', say({ 'zh-CN': '只看此科室（含下属科室）', en: 'only this department (and its sub-departments)' }))
      .option('--format <format>', say({ 'zh-CN': 'md、html、csv、json 或 xlsx（默认按输出文件扩展名，否则 md）', en: 'md, html, csv, json or xlsx (default: from the output file’s extension, else md)' }))
      .option('-o, --output <file>', say({ 'zh-CN': '写入此文件（默认标准输出）', en: 'write to this file (default: standard output)' }));

  shared(
    report
      .command('monthly')
      .description(say({ 'zh-CN': '月度质量报告', en: 'the monthly quality report' }))
      .requiredOption('--month <YYYY-MM>', say({ 'zh-CN': '月份，如 2026-03', en: 'the month, e.g. 2026-03' })),
  ).action((opts: ReportOptions, command: Command) => run('month', opts, command));

  shared(
    report
      .command('yearly')
      .description(say({ 'zh-CN': '年度质量报告，含可直接粘贴的年终总结要点（中英文）', en: 'the yearly quality report, with year-end summary sentences in Chinese and English' }))
      .requiredOption('--year <YYYY>', say({ 'zh-CN': '年份，如 2026', en: 'the year, e.g. 2026' })),
  ).action((opts: ReportOptions, command: Command) => run('year', opts, command));

  async function run(kind: 'month' | 'year', opts: ReportOptions, command: Command): Promise<void> {
    const { writeFile } = await import('node:fs/promises');
    const { buildReport } = await import('../../core/report/buildReport.js');
    const { DubanError } = await import('../../core/errors/DubanError.js');
    const { monthPeriod, yearPeriod } = await import('../../core/report/ReportPeriod.js');
    const { renderReport } = await import('../report/renderReport.js');
    const { chooseReportFormat } = await import('../report/chooseReportFormat.js');
    const { withSession } = await import('../session.js');
    const format = chooseReportFormat(opts.format, opts.output);
    if (format === 'xlsx' && !opts.output && process.stdout.isTTY) {
      throw new DubanError('USAGE', '--format xlsx writes a binary file: give -o <file>.xlsx', { place: { argument: '--output' } });
    }
    await withSession(command, lang, async ({ duban, config }) => {
      const now = duban.clock.now();
      const period = kind === 'month' ? monthPeriod(opts.month!, duban.settings.timeZone, now) : yearPeriod(opts.year!, duban.settings.timeZone, now);
      const result = await buildReport(duban, { period, department: opts.dept ?? null, pluginConfig: config.pluginConfig });
      const rendered = await renderReport(result, format, lang);
      if (opts.output) {
        try {
          await writeFile(opts.output, rendered);
        } catch (cause) {
          throw new DubanError('INPUT_INVALID', `cannot write ${opts.output}: ${(cause as Error).message}`, { place: { argument: '--output' }, cause });
        }
        process.stderr.write(`${say({ 'zh-CN': '已写入', en: 'Written' })}: ${opts.output}\n`);
      } else {
        process.stdout.write(rendered);
      }
      for (const f of result.failures) {
        process.stderr.write(`duban: ${f.code}: ${say({ 'zh-CN': '报告部分未能生成', en: 'report section not built' })} "${f.section}"${f.plugin ? ` (plugin ${f.plugin})` : ''}: ${f.message}\n`);
      }
      if (result.failures.length > 0) process.exitCode = 1;
    });
  }
}
