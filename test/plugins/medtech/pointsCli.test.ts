import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAND_COMPUTED_CSV, HAND_COMPUTED_RESULT } from './handComputedMonth.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(REPO, 'bin/duban.js');

/** Runs the compiled CLI in `cwd` with a temp database; never throws on a non-zero exit. */
function duban(args: string[], cwd: string, lang = 'en'): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DUBAN_DB: join(cwd, 'duban.db'), DUBAN_LANG: lang };
  for (const key of ['DUBAN_NOW', 'DUBAN_AS', 'DUBAN_LOG']) delete env[key];
  return new Promise((done) =>
    execFile(process.execPath, [CLI, ...args], { cwd, env }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('duban medtech points (compiled CLI)', () => {
  let cwd: string;
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist/plugins/medtech/commands/pointsCommand.js'))) {
      throw new Error('dist/ has no medtech plugin: run `npm run build` first (npm test does)');
    }
    cwd = mkdtempSync(join(tmpdir(), 'duban-medtech-cli-'));
    writeFileSync(join(cwd, 'f.csv'), HAND_COMPUTED_CSV);
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('prints the hand-computed month as JSON, to the cent, with the chief base from the config', async () => {
    writeFileSync(join(cwd, 'duban.config.json'), JSON.stringify({ pluginConfig: { medtech: { chiefBase: 170 } } }));
    const result = await duban(['medtech', 'points', '--input', 'f.csv', '--pool', '10000', '--json'], cwd);
    rmSync(join(cwd, 'duban.config.json'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      chiefBase: number;
      pool: string;
      poolCents: number;
      totalPoints: number;
      people: { person: string; title: string; totalPoints: number; share: string; shareCents: number; extra: Record<string, string>; counts: Record<string, number> }[];
    };
    expect(json).toMatchObject({ chiefBase: 170, pool: '10000.00', poolCents: 1_000_000, totalPoints: 1675 });
    expect(json.people.map((p) => [p.person, p.totalPoints, p.share])).toEqual(HAND_COMPUTED_RESULT);
    expect(json.people.reduce((sum, p) => sum + p.shareCents, 0)).toBe(1_000_000);
    expect(json.people[0]).toMatchObject({
      title: 'chief',
      counts: { ct_diagnosis_parts: 120, scan_parts: 0, film_parts: 35, enhanced_patients: 4, night_parts: 0, nights: 0 },
      extra: { note: '主任' },
    });
  });

  it('refuses a bad row with INPUT_INVALID naming file:line and column, exit 1, nothing on stdout', async () => {
    writeFileSync(join(cwd, 'bad.csv'), `${HAND_COMPUTED_CSV}赵磊,attending,12,abc,0,0,0,0,\r\n`);
    const result = await duban(['medtech', 'points', '--input', 'bad.csv', '--pool', '10000', '--chief-base', '170', '--json'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('duban: INPUT_INVALID: bad.csv:7: column scan_parts: "abc" is not a whole number from 0 to 1000000\n');
  });

  it('says in Chinese that a chief row needs a chief base, exit 2', async () => {
    const result = await duban(['medtech', 'points', '--input', 'f.csv'], cwd, 'zh-CN');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('f.csv:2：张伟 为主任级');
    expect(result.stderr).toContain('--chief-base');
  });
});
