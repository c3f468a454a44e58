import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { seedTestOrg } from '../../support/testDuban.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/duban.js');
// Any grade written anywhere: the register's results are 3+ and NEG; before the first
// reading no output may hold a grade at all.
const GRADE = /\b(NEG|SCANTY)\b|[123]\+/;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Each of the plugin's sources must be compiled at least as recently as it changed
 * (`npm test` builds first). Per file: tsc leaves an output whose text did not change untouched.
 */
function assertBuilt(): void {
  const stale = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return stale(path);
      if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) return false;
      const built = statSync(join(ROOT, 'dist', path.slice(ROOT.length).replace(/\.ts$/, '.js')), { throwIfNoEntry: false });
      return !built || built.mtimeMs < statSync(path).mtimeMs;
    });
  if (stale(join(ROOT, 'plugins/tb-lab'))) {
    throw new Error('dist/ is older than plugins/tb-lab: run `npm run build` (npm test does it first)');
  }
}

// Each call starts a CLI process; on a loaded machine a dozen of them outlast the default timeout.
// The office (office1) runs the round and looks at the slides; the controller (ctrl1) reads and submits.
describe('blinding through the compiled CLI', { timeout: 300_000 }, () => {
  let dir: string;
  let id: string;
  const lab = new Map<string, string>();

  async function duban(...args: string[]): Promise<Run> {
    return dubanAs('office1', ...args);
  }

  async function dubanAs(person: string, ...args: string[]): Promise<Run> {
    try {
      const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], {
        cwd: dir,
        env: { ...process.env, DUBAN_DB: join(dir, 'duban.db'), DUBAN_AS: person, DUBAN_LANG: 'en', DUBAN_NOW: '2026-03-02T01:00:00.000Z' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  async function json(...args: string[]): Promise<any> {
    return jsonAs('office1', ...args);
  }

  async function jsonAs(person: string, ...args: string[]): Promise<any> {
    const run = await dubanAs(person, ...args, '--json');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  }

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'duban-tb-cli-'));
    await seedTestOrg(join(dir, 'duban.db'));
    // 32 of 40 slides positive (3+), so any sample of 20 holds positives.
    const lines = ['slide,result'];
    for (let i = 1; i <= 40; i++) {
      const slide = `S${String(i).padStart(2, '0')}`;
      lab.set(slide, i % 5 === 0 ? 'NEG' : '3+');
      lines.push(`${slide},${lab.get(slide)}`);
    }
    writeFileSync(join(dir, 'register.csv'), `${lines.join('\n')}\n`);
    const register = await json('tb', 'import', '--department', 'CL-02', '--quarter', '2026-Q1', '--input', 'register.csv');
    id = (await json('run', 'sputum-slide-qc', '--input', JSON.stringify({ department: 'CL-02', quarter: '2026-Q1' }))).id;
    const sent = await json('send', id, 'SUBMIT', '--data', JSON.stringify({ register: register.register, annualNegatives: 200, positivity: 0.1 }));
    expect(sent.to).toBe('sampling');
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows no laboratory result of a selected slide, in any command or --json, before its reading', async () => {
    const slides = await json('tb', 'slides', '--round', id);
    expect(slides.slides.length).toBe(20);
    expect(slides.slides.every((s: any) => s.lab === null && s.labBlinded === true)).toBe(true);
    const selected: string[] = slides.slides.map((s: any) => s.slide);
    const outside = [...lab.keys()].find((s) => !selected.includes(s))!;

    // Read-only commands run side by side; the early submit changes the instance, so it
    // runs alone, and what reads the instance after it runs after it.
    const before = await Promise.all([
      duban('tb', 'slides', '--round', id, '--json'),
      duban('tb', 'slides', '--round', id),
      duban('--lang', 'zh-CN', 'tb', 'slides', '--round', id),
      duban('tb', 'slides', '--round', id, '--for-umpire', '--json'),
      duban('instances', 'show', id, '--json'),
      duban('instances', 'show', id),
      duban('instances', 'list', '--json'),
      // Refusals must not betray a result either.
      dubanAs('ctrl1', 'tb', 'read', '--round', id, '--slide', outside, '--grade', 'NEG'),
      dubanAs('ump1', 'tb', 'read', '--round', id, '--slide', selected[0]!, '--grade', 'NEG', '--umpire'),
      dubanAs('ump1', '--lang', 'zh-CN', 'tb', 'read', '--round', id, '--slide', selected[0]!, '--grade', 'NEG', '--umpire'),
      // The office may not read in the controller's place.
      duban('tb', 'read', '--round', id, '--slide', selected[0]!, '--grade', 'NEG'),
    ]);
    // Submitting early runs the comparison: it answers with the unread slides, not their results.
    const early = await dubanAs('ctrl1', 'send', id, 'SUBMIT', '--data', '{}', '--json');
    const later = await Promise.all([duban('instances', 'show', id, '--json'), duban('audit', 'verify', '--json')]);
    const outputs: Run[] = [...before, early, ...later];
    expect(outputs.map((o) => o.code)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0]);
    expect(before[10]!.stderr).toMatch(/NOT_ALLOWED/);
    for (const output of outputs) {
      expect(output.stdout).not.toMatch(GRADE);
      expect(output.stderr).not.toMatch(GRADE);
    }
    const back = JSON.parse(later[0]!.stdout);
    expect(back.state).toBe('rechecking');
    expect(back.context.data.missing).toEqual(selected);

    // The database behind the engine holds none either: audit rows, snapshots, outbox.
    const db = new Database(join(dir, 'duban.db'), { readonly: true });
    try {
      const engineRows = [
        db.prepare('select data from audit_log').all(),
        db.prepare('select snapshot from instances').all(),
        db.prepare('select payload from outbox').all(),
      ];
      expect(JSON.stringify(engineRows)).not.toMatch(GRADE);
    } finally {
      db.close();
    }
  });

  it('shows a slide’s laboratory result once the controller’s reading of it is recorded, and only that one', async () => {
    const { slides } = await json('tb', 'slides', '--round', id);
    const positive: string = slides.map((s: any) => s.slide).find((s: string) => lab.get(s) === '3+');
    const read = await jsonAs('ctrl1', 'tb', 'read', '--round', id, '--slide', positive, '--grade', '2+', '--specimen', 'good');
    expect(read).toMatchObject({ recorded: 1, slides: [{ slide: positive, lab: '3+', labBlinded: false, controller: { grade: '2+' }, firstClass: 'correct' }] });

    const after = await json('tb', 'slides', '--round', id);
    for (const slide of after.slides) {
      if (slide.slide === positive) expect(slide).toMatchObject({ lab: '3+', labBlinded: false });
      else expect(slide).toMatchObject({ lab: null, labBlinded: true });
    }
    const text = await duban('tb', 'slides', '--round', id);
    expect(text.stdout.split('\n').find((line) => line.includes(positive))).toMatch(/2\+\s+3\+\s+correct/);
    // The result stays in the plugin: the chain instance still holds no laboratory result.
    expect((await duban('instances', 'show', id, '--json')).stdout).not.toContain('3+');
    // And the reading is final now that the result shows.
    const change = await dubanAs('ctrl1', 'tb', 'read', '--round', id, '--slide', positive, '--grade', '3+');
    expect(change.code).toBe(1);
    expect(change.stderr).toMatch(/INPUT_INVALID: .*cannot be changed/);
  });
});
