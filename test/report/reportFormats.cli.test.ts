import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, monthPeriod, type Report, type ReportTable } from '../../core/index.js';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson } from '../support/cli.js';
import { buildKnownMonth, REPORT_NOW, type KnownMonth } from './support/knownMonth.js';
import { checkHtmlInChromium } from './support/htmlInChromium.js';
import { readXlsx, type XlsxSheet } from './support/readXlsx.js';

/** The number format each column format's number cells carry in xlsx. */
const NUMBER_FORMATS: Record<string, string | undefined> = { percent: '0.0%', days: '0.0', decimal: '0.##', integer: '0' };

/** Every table of the report with its section. */
function tables(report: Report): { section: string; table: ReportTable }[] {
  return report.sectionOrder.flatMap((section) => report.sections[section]!.tables.map((table) => ({ section, table })));
}

describe('duban report: json, html in Chromium, xlsx read back, csv, md', () => {
  let month: KnownMonth;
  let expected: Report;
  let dir: string;
  let db: string;
  const report = (format: string, extra: string[] = []) =>
    runDuban(['report', 'monthly', '--month', '2026-03', '--format', format, '-o', join(dir, `march.${format}`), ...extra], { db, now: REPORT_NOW });

  beforeAll(async () => {
    month = await buildKnownMonth('sqlite');
    expected = await buildReport(month.duban, { period: monthPeriod('2026-03', 'Asia/Shanghai', month.duban.clock.now()) });
    await month.duban.close();
    db = month.duban.database.target;
    dir = mkdtempSync(join(tmpdir(), 'duban-report-'));
  }, CLI_TEST_TIMEOUT);
  afterAll(async () => {
    await month?.duban.database.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'prints the same report as JSON that the query functions build, with stable keys',
    async () => {
      const json = await runDubanJson<Report>(['report', 'monthly', '--month', '2026-03', '--format', 'json'], { db, now: REPORT_NOW });
      const { generatedAt: _a, ...cli } = json;
      const { generatedAt: _b, ...direct } = JSON.parse(JSON.stringify(expected)) as Report;
      expect(cli).toEqual(direct);
      expect(Object.keys(json)).toEqual(['report', 'period', 'generatedAt', 'scope', 'departments', 'sectionOrder', 'sections', 'failures']);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'renders self-contained HTML that Chromium shows without errors or requests, with the JSON’s numbers',
    async () => {
      expect((await report('html', ['--lang', 'en'])).code).toBe(0);
      const file = join(dir, 'march.html');
      const html = readFileSync(file, 'utf8');
      expect(html).not.toMatch(/<script|<link|src=|url\(/i);
      // The punctuality chart draws its 98% target line.
      expect(html).toMatch(/<figure data-chart="discipline\.punctuality">.*class="target-label"[^>]*>target 98\.0%</);
      const page = await checkHtmlInChromium(file, join(dir, 'march.png'), expected);
      expect(page).toEqual({ errors: [], requests: [`file://${file}`], title: 'Monthly quality report 2026-03' });
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'renders the Chinese HTML with an A4 print stylesheet',
    async () => {
      expect((await report('html', ['--lang', 'zh-CN'])).code).toBe(0);
      const html = readFileSync(join(dir, 'march.html'), 'utf8');
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('<title>医疗质量督办月报 2026-03</title>');
      expect(html).toMatch(/@page \{ size: A4;/);
      expect(html).toContain('CT室');
    },
    CLI_TEST_TIMEOUT,
  );

  /**
   * Each expected table found in its sheet: the header row in `lang`, then its rows,
   * numbers as numbers with their column's number format. Returns the column formats whose
   * number cells it checked.
   */
  function expectTablesInSheets(sheets: XlsxSheet[], lang: 'en' | 'zh-CN'): Set<string> {
    const checked = new Set<string>();
    for (const [index, section] of expected.sectionOrder.entries()) {
      const sheet = sheets[index + 1]!;
      expect(sheet.rows.get(1)?.get(1)).toBe(expected.sections[section]!.title[lang]);
      for (const table of expected.sections[section]!.tables) {
        const titleRow = [...sheet.rows.entries()].find(([, cells]) => cells.get(1) === table.title[lang])?.[0];
        expect(titleRow, `${section}.${table.id}`).toBeDefined();
        expect([...sheet.rows.get(titleRow! + 1)!.values()]).toEqual(table.columns.map((c) => c.label[lang]));
        expect([...sheet.styles.get(titleRow! + 1)!.values()].every((s) => s.bold), `${section}.${table.id} header bold`).toBe(true);
        table.rows.forEach((row, i) => {
          const cells = sheet.rows.get(titleRow! + 2 + i)!;
          table.columns.forEach((column, j) => {
            const value = row[column.key];
            const at = `${section}.${table.id}[${i}].${column.key}`;
            if (typeof value === 'number') {
              expect(cells.get(j + 1), at).toBe(value);
              expect(sheet.styles.get(titleRow! + 2 + i)!.get(j + 1)!.format, at).toBe(NUMBER_FORMATS[column.format]);
              checked.add(column.format);
            } else if (value === null) expect(cells.has(j + 1), at).toBe(false);
            else if (typeof value === 'object') expect(cells.get(j + 1), at).toBe(value[lang]);
          });
        });
      }
    }
    return checked;
  }

  it(
    'writes xlsx whose cells, read back without a spreadsheet library, hold the JSON’s numbers as numbers with number formats',
    async () => {
      expect((await report('xlsx', ['--lang', 'en'])).code).toBe(0);
      const workbook = readXlsx(join(dir, 'march.xlsx'));
      expect(workbook.sheets.map((s) => s.name)).toEqual(['Summary', 'Findings', 'Discipline and duty posts', 'Sputum slide QC (blinded rechec', 'Training', 'Quality points ranking']);
      const summary = workbook.sheets[0]!;
      expect([1, 2, 3, 4].map((r) => [...(summary.rows.get(r)?.values() ?? [])])).toEqual([
        ['Monthly quality report 2026-03'],
        ['Period', '2026-03-01 – 2026-03-31'],
        ['Scope', 'Whole hospital'],
        ['Generated', expect.stringMatching(/^2026-04-02T01:00:\d\d\.\d{3}Z$/)],
      ]);
      expect(summary.styles.get(1)?.get(1)?.bold).toBe(true);
      // The document properties say who wrote the workbook and when: the report's generatedAt.
      const generated = summary.rows.get(4)!.get(2) as string;
      expect([workbook.creator, workbook.created]).toEqual(['duban', generated.replace(/\.\d{3}Z$/, 'Z')]);
      expect([...expectTablesInSheets(workbook.sheets, 'en')].sort()).toEqual(['days', 'decimal', 'integer', 'percent']);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'writes the Chinese xlsx with Chinese sheet names, headers and department names intact',
    async () => {
      expect((await report('xlsx', ['--lang', 'zh-CN'])).code).toBe(0);
      const { sheets } = readXlsx(join(dir, 'march.xlsx'));
      expect(sheets.map((s) => s.name)).toEqual(['概要', ...expected.sectionOrder.map((id) => expected.sections[id]!.title['zh-CN'].slice(0, 31))]);
      expect([1, 2, 3].map((r) => [...(sheets[0]!.rows.get(r)?.values() ?? [])])).toEqual([
        ['医疗质量督办月报 2026-03'],
        ['统计期间', '2026-03-01 – 2026-03-31'],
        ['范围', '全院'],
      ]);
      const texts = sheets.flatMap((s) => [...s.rows.values()].flatMap((cells) => [...cells.values()]));
      expect(texts).toContain('CT室');
      expectTablesInSheets(sheets, 'zh-CN');
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'writes CSV with a BOM whose blocks carry the JSON’s numbers',
    async () => {
      expect((await report('csv', ['--lang', 'en'])).code).toBe(0);
      const text = readFileSync(join(dir, 'march.csv'), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const records = parse(text.slice(1), { relax_column_count: true }) as string[][];
      for (const { section, table } of tables(expected)) {
        const at = records.findIndex((r) => r[0] === `${expected.sections[section]!.title.en} — ${table.title.en}`);
        expect(at, `${section}.${table.id}`).toBeGreaterThan(0);
        table.rows.forEach((row, i) =>
          table.columns.forEach((column, j) => {
            const value = row[column.key];
            if (typeof value !== 'number') return;
            const cell = Number(records[at + 2 + i]![j]);
            // Percentages as percent values with two decimals; counts exact.
            if (column.format === 'percent') expect(cell).toBeCloseTo(value * 100, 2);
            else expect(cell).toBeCloseTo(value, 2);
          }),
        );
      }
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'writes Markdown tables and refuses bad arguments with a usage error',
    async () => {
      const md = await runDuban(['report', 'monthly', '--month', '2026-03', '--dept', 'MT'], { db, now: REPORT_NOW });
      expect(md.code).toBe(0);
      expect(md.stdout).toContain('# Monthly quality report 2026-03');
      expect(md.stdout).toContain('Scope: Medical technology (MT)');
      expect(md.stdout).toMatch(/\| Total \| 12 \| 3 \| 1 \| 11 \| 10 \| 3 \| 1 \| 2\.0 \| 10\.0 \|/);
      const bad = await runDuban(['report', 'monthly', '--month', '2026-13'], { db, now: REPORT_NOW });
      expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('USAGE: --month: "2026-13" is not a month like 2026-03')]);
      const format = await runDuban(['report', 'yearly', '--year', '2026', '--format', 'pdf'], { db, now: REPORT_NOW });
      expect([format.code, format.stderr]).toEqual([2, expect.stringContaining('--format: "pdf" is not one of md, html, csv, json, xlsx')]);
      expect(existsSync(join(dir, 'march.pdf'))).toBe(false);
    },
    CLI_TEST_TIMEOUT,
  );
  it(
    '-o with an extension that is not the format\'s is a usage error naming -o and --format, and writes nothing; without --format the extension chooses',
    async () => {
      const month = ['report', 'monthly', '--month', '2026-03'];
      for (const [extra, file, says] of [
        [[], 'r.docx', '-o RDIR/r.docx: ".docx" is no report format\'s extension; name the file .md, .markdown, .html, .htm, .csv, .json or .xlsx, or give --format'],
        [['--format', 'md'], 'r.xlsx', '-o RDIR/r.xlsx: a .xlsx file cannot hold --format md; name it .md or .markdown'],
        [['--format', 'xlsx'], 'r.md', '-o RDIR/r.md: a .md file cannot hold --format xlsx; name it .xlsx'],
      ] as const) {
        const refused = await runDuban([...month, ...extra, '-o', join(dir, file)], { db, now: REPORT_NOW });
        expect([refused.code, refused.stderr]).toEqual([2, `duban: USAGE: ${says.replace('RDIR', dir)}\n`]);
        expect(existsSync(join(dir, file))).toBe(false);
      }
      expect((await runDuban([...month, '-o', join(dir, 'chosen.XLSX')], { db, now: REPORT_NOW })).code).toBe(0);
      expect(readFileSync(join(dir, 'chosen.XLSX')).subarray(0, 2).toString()).toBe('PK');
      expect((await runDuban([...month, '-o', join(dir, 'chosen.htm')], { db, now: REPORT_NOW })).code).toBe(0);
      expect(readFileSync(join(dir, 'chosen.htm'), 'utf8')).toMatch(/^<!doctype html>/i);
      expect((await runDuban([...month, '--format', 'csv', '-o', join(dir, 'no-extension')], { db, now: REPORT_NOW })).code).toBe(0);
    },
    CLI_TEST_TIMEOUT,
  );
});
