import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../../cli/tui/text/displayWidth.js';
import { KEYS, renderConsole } from '../support/renderConsole.js';
import { openTuiFixture, type TuiFixture } from '../support/tuiFixture.js';

let fx: TuiFixture;
beforeAll(async () => {
  fx = await openTuiFixture(30);
});
afterAll(async () => {
  await fx?.dispose();
});

/** Widths a user drags through: across both layout changes, one column at a time near them, down to the minimum and below. */
const WIDTHS = [140, 139, 120, 100, 81, 80, 79, 60, 45, 40, 39, 30, 40, 80, 139, 140, 160];
const HEIGHTS = [40, 20, 12, 11, 8, 12, 40];

describe('the console at any terminal size', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`shrinks and grows on every screen without falling over (${lang})`, async () => {
      const c = renderConsole(fx.data(), { columns: 140, rows: 40, lang });
      try {
        await c.waitFor(lang === 'en' ? '[My queue' : '[我的待办');
        for (const screen of ['1', '2', '3', '4', '5', '1']) {
          await c.press(screen);
          if (screen === '1') await c.press(KEYS.enter);
          for (const columns of WIDTHS) {
            await c.resize(columns, 40);
            const lines = c.frame().split('\n');
            if (columns < 40) {
              expect(lines).toHaveLength(1);
              expect(lines[0]).toMatch(lang === 'en' ? /too small/ : /窗口太小/);
            }
            for (const line of lines) expect(displayWidth(line), `screen ${screen} at ${columns}: ${line}`).toBeLessThanOrEqual(columns);
          }
          for (const rows of HEIGHTS) {
            await c.resize(60, rows);
            const lines = c.frame().split('\n');
            if (rows < 12) expect(lines).toHaveLength(1);
            else expect(lines.length, `screen ${screen} at 60×${rows}:\n${c.frame()}`).toBeLessThan(rows);
          }
          await c.resize(140, 40);
        }
        await c.press('?');
        for (const columns of [140, 60, 40, 30, 140]) await c.resize(columns, 12);
      } finally {
        c.unmount();
      }
    }, 60_000);
  }
});
