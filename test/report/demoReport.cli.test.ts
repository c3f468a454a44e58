import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../core/index.js';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson } from '../support/cli.js';
import { checkHtmlInChromium } from './support/htmlInChromium.js';
import { readXlsx } from './support/readXlsx.js';

// The history of `duban demo` ends at this instant, so the hospital is the same every run.
const NOW = '2026-11-23T10:00:00+08:00';

// The demo hospital's reports as a new user would make them, through the compiled CLI:
// October (a whole month of its history) and the year 2026, in Chromium.
describe('the demo hospital’s reports', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-demo-report-'));
    db = join(dir, 'demo.db');
    await runDubanJson(['demo', '--db', db, '--json'], { now: NOW });
  }, CLI_TEST_TIMEOUT);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [kind, flag, value] of [
    ['monthly', '--month', '2026-10'],
    ['yearly', '--year', '2026'],
  ] as const) {
    it(
      `renders the ${kind} report in Chromium with no console error, and the numbers of its JSON`,
      async () => {
        const json = await runDubanJson<Report>(['report', kind, flag, value, '--format', 'json'], { db, now: NOW });
        expect(json.failures).toEqual([]);
        expect(json.sectionOrder).toEqual(['findings', 'discipline', 'slideQc', 'training', 'qualityPoints']);
        // The demo's months have findings, checks and training to report.
        expect((json.sections.findings!.data as { totals: { opened: number } }).totals.opened).toBeGreaterThan(0);
        expect((json.sections.discipline!.data as { punctuality: { checks: number } }).punctuality.checks).toBeGreaterThan(0);
        const file = join(dir, `${kind}.html`);
        const written = await runDuban(['report', kind, flag, value, '--lang', 'en', '-o', file], { db, now: NOW });
        expect(written.code, written.stderr).toBe(0);
        if (kind === 'yearly') expect(readFileSync(file, 'utf8')).toContain('Key sentences for the year-end summary');
        const page = await checkHtmlInChromium(file, join(dir, `${kind}.png`), json);
        expect(page.errors).toEqual([]);
        expect(page.requests).toEqual([`file://${file}`]);
      },
      CLI_TEST_TIMEOUT,
    );
  }

  it(
    'writes the yearly xlsx whose summary sheet holds the year-end sentences in Chinese and English, side by side',
    async () => {
      const json = await runDubanJson<Report>(['report', 'yearly', '--year', '2026', '--format', 'json'], { db, now: NOW });
      const sentences = json.sectionOrder.flatMap((id) => json.sections[id]!.sentences ?? []);
      expect(sentences.length).toBeGreaterThan(0);
      const file = join(dir, 'yearly.xlsx');
      const written = await runDuban(['report', 'yearly', '--year', '2026', '--lang', 'zh-CN', '-o', file], { db, now: NOW });
      expect(written.code, written.stderr).toBe(0);
      const summary = readXlsx(file).sheets[0]!;
      expect(summary.name).toBe('概要');
      const rows = [...summary.rows.values()].map((cells) => [...cells.values()]);
      const header = rows.findIndex((r) => r[0] === '中文' && r[1] === '英文');
      expect(rows[header - 1]).toEqual(['年终总结要点（可直接粘贴）']);
      expect(rows.slice(header + 1, header + 1 + sentences.length)).toEqual(sentences.map((s) => [s['zh-CN'], s.en]));
    },
    CLI_TEST_TIMEOUT,
  );
});
