import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixtureDatabase } from '../../../bench/seed/seedFixtureDatabase.js';
import { startTmux, type TmuxSession } from '../support/tmuxSession.js';

const BIN = fileURLToPath(new URL('../../../bin/duban.js', import.meta.url));
const NOW = '2026-03-02T01:00:00.000Z';
const WIDTHS = [160, 139, 100, 80, 60, 40, 60, 80, 100, 139, 160];
let dir: string;
let db: string;
let tmux: TmuxSession | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-tui-resize-'));
  db = join(dir, 'hospital.db');
  await seedFixtureDatabase(db, { count: 30, seed: 7, now: new Date(NOW), spanDays: 20 });
});
afterAll(() => {
  tmux?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** The widest line on the screen, in terminal columns (tmux pads nothing; CJK counts two). */
function widest(screen: string): number {
  return Math.max(...screen.split('\n').map((l) => [...l].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0)));
}

describe('duban tui resized in a real terminal (tmux)', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`follows the terminal from 160 columns down to 40 and back without falling over (${lang})`, async () => {
      tmux?.kill();
      tmux = startTmux([process.execPath, BIN, '--db', db, '--as', 'office1', 'tui'], { CI: 'false', TERM: 'xterm-256color', LANG: 'en_US.UTF-8', DUBAN_LANG: lang, DUBAN_NOW: NOW }, 160, 40);
      const position = lang === 'en' ? /\d+ of \d+/ : /第 \d+ \/ \d+ 项/;
      await tmux.waitFor((s) => position.test(s));
      for (const columns of WIDTHS) {
        tmux.resize(columns, 40);
        // The frame is redrawn at the new width: the footer's position line is back, and nothing is wider than the terminal.
        const screen = await tmux.waitFor((s) => position.test(s) && widest(s) <= columns);
        expect(tmux.exited(), screen).toBe(false);
        expect(screen).not.toMatch(/RangeError|Error:/);
      }
      tmux.resize(30, 40);
      await tmux.waitFor(lang === 'en' ? 'terminal too small' : '窗口太小');
      tmux.resize(160, 40);
      await tmux.waitFor((s) => position.test(s));
      tmux.keys('q');
      await tmux.waitFor(() => tmux!.exited());
    }, 90_000);
  }
});
