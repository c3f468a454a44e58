import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDubanError, type CommandContext, type PluginCommand } from '../../../core/index.js';
import { shareByLargestRemainder } from '../../../plugins/medtech/lib/shareByLargestRemainder.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { commandContext } from '../../../core/plugin/commandContext.js';
import { HAND_COMPUTED_CSV, HAND_COMPUTED_RESULT } from './handComputedMonth.js';

interface PointsJson {
  chiefBase: number | null;
  pool: string | null;
  totalPoints: number;
  people: { line: number; person: string; totalPoints: number; share?: string; shareCents?: number; extra: Record<string, string> }[];
}

describe('medtech points', () => {
  let duban: TestDuban;
  let dir: string;
  let command: PluginCommand;
  const printed: string[] = [];

  beforeAll(async () => {
    duban = await startTestDuban('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'duban-points-'));
    const medtech = duban.plugins.loaded.find((p) => p.id === 'medtech')!;
    command = medtech.definition.commands!.find((c) => c.name === 'medtech points')!;
  });
  afterAll(async () => {
    await duban?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  function csv(name: string, text: string): string {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  }

  function run(options: Record<string, string | undefined>, extra: Partial<CommandContext> = {}) {
    printed.length = 0;
    return command.run(options, {
      ...commandContext(duban, 'office1', { plugin: 'medtech', lang: 'en', json: false, print: (line) => void printed.push(line) }),
      ...extra,
    }) as Promise<PointsJson>;
  }

  it('matches the hand-computed month to the cent, keeping the extra column', async () => {
    const result = await run({ input: csv('month.csv', HAND_COMPUTED_CSV), pool: '10000', chiefBase: '170' });
    expect(result.people.map((p) => [p.person, p.totalPoints, p.share])).toEqual(HAND_COMPUTED_RESULT);
    expect(result.totalPoints).toBe(1675);
    expect(result.pool).toBe('10000.00');
    expect(result.people.reduce((sum, p) => sum + p.shareCents!, 0)).toBe(1_000_000);
    expect(result.people.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(result.people[2]!.extra).toEqual({ note: '夜班多, 含节假日' });
    // The text table lines up and ends with the total and the tie rule.
    expect(printed[0]).toMatch(/^Person\s+Title\s+Base\s+Workload\s+Points\s+Share \(yuan\)$/);
    expect(printed).toContainEqual(expect.stringMatching(/^Total\s+1675\.0\s+10000\.00$/));
    expect(printed.at(-1)).toContain('equal remainders go in file order');
  });

  it('takes the chief base from the config when the option is absent', async () => {
    const result = await run({ input: csv('month.csv', HAND_COMPUTED_CSV) }, { config: { chiefBase: 170 } });
    expect(result.chiefBase).toBe(170);
    expect(result.people[0]!.totalPoints).toBe(243);
    expect(result.people[0]!.share).toBeUndefined();
  });

  it('refuses a chief row without a chief base, naming the row and where to set it', async () => {
    const error = await run({ input: csv('month.csv', HAND_COMPUTED_CSV) }).catch((e: unknown) => e);
    expect(isDubanError(error, 'USAGE')).toBe(true);
    expect((error as Error).message).toMatch(/month\.csv:2: 张伟 is a chief.*--chief-base N.*pluginConfig\.medtech\.chiefBase/);
  });

  it('names the line and column of every bad row, and computes nothing', async () => {
    const file = csv(
      'bad.csv',
      [
        'person,title,ct_diagnosis_parts,scan_parts,film_parts,enhanced_patients,night_parts,nights',
        '李娜,attending,260,85,140,12,30,6',
        '王芳,resident,198,150,90,8,26,5',
        '',
        '刘洋,physician,75,3.5,220,15,41,7',
        '李娜,attending,1,1,1,1,1,1',
        '陈静,physician,40,280',
      ].join('\n'),
    );
    const error = await run({ input: file, pool: '100' }).catch((e: unknown) => e);
    expect(isDubanError(error, 'INPUT_INVALID')).toBe(true);
    const dubanError = error as { message: string; place: unknown; details: { problems: { line: number; message: string }[] } };
    expect(dubanError.message).toBe(`${file}:3: column title: "resident" is not one of physician, attending, chief (and 3 more problems; nothing was computed)`);
    expect(dubanError.place).toEqual({ file, line: 3, path: 'title' });
    expect(dubanError.details.problems.map((p) => p.message.replace(`${file}:`, ''))).toEqual([
      '3: column title: "resident" is not one of physician, attending, chief',
      '5: column scan_parts: "3.5" is not a whole number from 0 to 1000000',
      '6: column person: "李娜" is already on line 2',
      '7: 4 cells, but the header has 8 columns',
    ]);
    expect(printed).toEqual([]);
  });

  it('names the line a row starts on, past a BOM, CRLF, blank lines and a quoted cell over two lines', async () => {
    const file = csv(
      'excel.csv',
      [
        '\ufeffperson,title,ct_diagnosis_parts,scan_parts,film_parts,enhanced_patients,night_parts,nights,note',
        '李娜,attending,1,2,3,4,5,6,"第一行',
        '第二行"',
        '',
        ',,,,,,,,',
        '王芳,attending,1,2,3,4,5,-6,',
      ].join('\r\n'),
    );
    const error = await run({ input: file }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`${file}:6: column nights: "-6" is not a whole number from 0 to 1000000`);
  });

  it('speaks Chinese when the user does', async () => {
    const file = csv('bad-zh.csv', 'person,title,ct_diagnosis_parts,scan_parts,film_parts,enhanced_patients,night_parts,nights\n刘洋,physician,x,0,0,0,0,0\n');
    const error = await run({ input: file }, { lang: 'zh-CN' }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`${file}:2：ct_diagnosis_parts 列：“x”不是 0 到 1000000 之间的整数`);
  });

  it('names a missing header column', async () => {
    const file = csv('header.csv', 'person,title,ct_diagnosis_parts,scan_parts,film_parts,enhanced_patients,nights\n');
    const error = await run({ input: file }).catch((e: unknown) => e);
    expect(isDubanError(error, 'INPUT_INVALID')).toBe(true);
    expect((error as Error).message).toBe(`${file}:1: the header has no column "night_parts"`);
  });

  it('refuses a pool with more than two decimals', async () => {
    const error = await run({ input: csv('month.csv', HAND_COMPUTED_CSV), pool: '100.005', chiefBase: '170' }).catch((e: unknown) => e);
    expect(isDubanError(error, 'USAGE')).toBe(true);
  });
});

describe('shareByLargestRemainder', () => {
  it('gives equal remainders their cent in list order', () => {
    // 100.00 yuan over three equal weights: 3333 each, 1 cent left, to the first.
    expect(shareByLargestRemainder(10_000, [7, 7, 7])).toEqual([3334, 3333, 3333]);
    // Two cents left between four equal weights: the first two get them.
    expect(shareByLargestRemainder(10_002, [1, 1, 1, 1])).toEqual([2501, 2501, 2500, 2500]);
  });

  it('always sums exactly to the pool', () => {
    const weights = [1103, 2951, 77, 1400, 1100, 3333, 9];
    for (const pool of [1, 99, 100_000, 123_456_789, 999_999_999_999]) {
      const shares = shareByLargestRemainder(pool, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(pool);
      // No share is more than one cent away from its exact proportion.
      const sum = weights.reduce((a, b) => a + b, 0);
      shares.forEach((s, i) => expect(Math.abs(s - (pool * weights[i]!) / sum)).toBeLessThan(1));
    }
  });
});
