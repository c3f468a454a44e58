import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAND_COMPUTED_CSV } from '../plugins/medtech/handComputedMonth.js';
import { seedTestOrg } from '../support/testDuban.js';
import { CLI_TEST_TIMEOUT, REPO_ROOT, runDuban, runDubanJson, type CliOptions } from '../support/cli.js';

describe('- reads standard input where a command takes a file', () => {
  let dir: string;
  let cli: CliOptions;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-stdin-'));
    cli = { db: join(dir, 'duban.db') };
    await seedTestOrg(cli.db!);
  }, CLI_TEST_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('org import - takes YAML, or CSV with --format csv; a bad row names <stdin> and its line, and nothing is imported', async () => {
    const yaml = 'departments:\n  - { id: US, parent: MT, name: { zh-CN: 超声室, en: Ultrasound room } }\n';
    expect(await runDubanJson(['org', 'import', '-', '--as', 'office1', '--json'], { ...cli, stdin: yaml })).toEqual({ departments: 1, people: 0, posts: 0, escalation: 0 });
    const csv = 'id,name_zh,name_en,title,department,roles\ntech9,赵技师,Zhao Jishi,physician,US,inspector\n';
    expect(await runDubanJson(['org', 'import', '-', '--format', 'csv', '--as', 'office1', '--json'], { ...cli, stdin: csv })).toEqual({ departments: 0, people: 1, posts: 0, escalation: 0 });
    const org = await runDubanJson(['org', 'show', '--json'], cli);
    expect(org.departments).toContainEqual({ id: 'US', parent: 'MT', name: { 'zh-CN': '超声室', en: 'Ultrasound room' } });
    expect(org.people).toContainEqual(expect.objectContaining({ id: 'tech9', departmentId: 'US', roles: ['inspector'] }));

    const bad = 'id,name_zh,name_en,title,department,roles\ntech10,钱技师,Qian Jishi,,US,\ntech11,孙技师,Sun Jishi,,NOWHERE,\n';
    const refused = await runDuban(['org', 'import', '-', '--format', 'csv', '--as', 'office1'], { ...cli, stdin: bad });
    expect([refused.code, refused.stderr]).toEqual([1, 'duban: INPUT_INVALID: <stdin>:3: people.1.department: no department "NOWHERE"; nothing was imported\n']);
    expect((await runDubanJson(['org', 'show', '--json'], cli)).people.map((p: { id: string }) => p.id)).not.toContain('tech10');
    const format = await runDuban(['org', 'import', '-', '--format', 'xml', '--as', 'office1'], { ...cli, stdin: csv });
    expect([format.code, format.stderr]).toEqual([2, expect.stringMatching(/^duban: USAGE: .*'xml'.*yaml, csv/)]);
  }, CLI_TEST_TIMEOUT);

  it('chains validate - checks a chain from standard input, naming <stdin> in its errors', async () => {
    const valid = readFileSync(join(REPO_ROOT, 'test/fixtures/chains/valid-minimal.yaml'), 'utf8');
    expect(await runDubanJson(['chains', 'validate', '-', '--json'], { ...cli, stdin: valid })).toMatchObject({ valid: true, id: 'fixture-valid', version: 1 });
    const broken = readFileSync(join(REPO_ROOT, 'test/fixtures/chains/unknown-target.yaml'), 'utf8');
    const refused = await runDuban(['chains', 'validate', '-'], { ...cli, stdin: broken });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^duban: CHAIN_INVALID: <stdin>:11: states\.open\.on\.DONE\.target: .*no step named "closd"/);
  }, CLI_TEST_TIMEOUT);

  it('a plugin command reads its --input - too (medtech points)', async () => {
    writeFileSync(join(dir, 'month.csv'), HAND_COMPUTED_CSV);
    const args = ['--chief-base', '170', '--pool', '10000', '--json'];
    const piped = await runDubanJson(['medtech', 'points', '--input', '-', ...args], { ...cli, stdin: HAND_COMPUTED_CSV });
    const fromFile = await runDubanJson(['medtech', 'points', '--input', join(dir, 'month.csv'), ...args], cli);
    expect(piped.people.length).toBeGreaterThan(0);
    expect({ ...piped, file: 'month.csv' }).toEqual({ ...fromFile, file: 'month.csv' });
  }, CLI_TEST_TIMEOUT);
});
