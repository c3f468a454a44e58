import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';
import type { Report, ReportColumn } from '../../../core/index.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const NUMERIC = ['integer', 'decimal', 'percent', 'days'];

/** How the report shows a number, written out here independently of the renderers. */
export function shown(value: unknown, column: ReportColumn): string {
  if (value === null || value === undefined) return '—';
  const n = value as number;
  if (column.format === 'percent') return `${(Math.round(n * 1000) / 10).toFixed(1)}%`;
  if (column.format === 'days') return (Math.round(n * 10) / 10).toFixed(1);
  if (column.format === 'decimal') return String(Math.round(n * 100) / 100);
  return String(n);
}

/** What the page showed: the console errors, the requests it made, the page title. */
export interface PageCheck {
  readonly errors: readonly string[];
  readonly requests: readonly string[];
  readonly title: string;
}

/**
 * Opens an English HTML report in Debian's headless Chromium (driven by playwright-core,
 * a fresh profile, no browser download), takes a full-page screenshot to `screenshot`,
 * and checks that every number its tables and charts show is the JSON report's, shown
 * the report's way. Returns the console errors and requests for the caller to assert.
 */
export async function checkHtmlInChromium(file: string, screenshot: string, expected: Report): Promise<PageCheck> {
  const profile = mkdtempSync(join(tmpdir(), 'duban-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    const departmentName = (id: unknown) => expected.departments[id as string]?.en ?? id;

    for (const section of expected.sectionOrder) {
      for (const table of expected.sections[section]!.tables) {
        const cells = await page.$$eval(`table[data-section="${section}"][data-table="${table.id}"] tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
        // An empty table shows one row saying so.
        expect(cells, `${section}.${table.id}`).toHaveLength(Math.max(1, table.rows.length));
        table.rows.forEach((row, i) =>
          table.columns.forEach((column, j) => {
            const where = `${section}.${table.id}[${i}].${column.key}`;
            if (NUMERIC.includes(column.format)) expect(`${where} = ${cells[i]![j]}`).toBe(`${where} = ${shown(row[column.key], column)}`);
            if (column.format === 'department' && typeof row[column.key] === 'string') expect(`${where} = ${cells[i]![j]}`).toBe(`${where} = ${departmentName(row[column.key])}`);
          }),
        );
      }
      for (const chart of expected.sections[section]!.charts ?? []) {
        const table = expected.sections[section]!.tables.find((t) => t.id === chart.table)!;
        const column = table.columns.find((c) => c.key === chart.value)!;
        const label = table.columns.find((c) => c.key === chart.label)!;
        const bars = await page.$$eval(`figure[data-chart="${section}.${chart.id}"] text.bar-value`, (texts) => texts.map((t) => [t.getAttribute('data-label'), t.textContent]));
        const want = table.rows
          // A total row (a text in both languages in a department column) has no bar.
          .filter((r) => typeof r[chart.value] === 'number' && !(label.format === 'department' && typeof r[chart.label] === 'object'))
          .map((r) => [label.format === 'department' ? departmentName(r[chart.label]) : ((r[chart.label] as { en?: string })?.en ?? r[chart.label]), shown(r[chart.value], column)]);
        expect(bars, `${section}.${chart.id}`).toEqual(want);
      }
    }
    return { errors, requests, title: await page.title() };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
