import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestOrg } from '../support/testDuban.js';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson, type CliOptions } from '../support/cli.js';

// test/fixtures/broken-plugins/duban.config.json names four broken plugins; the CLI finds
// the config from its working folder, as a hospital's installation would.
const CONFIG_DIR = fileURLToPath(new URL('../fixtures/broken-plugins/', import.meta.url));

const EXPECTED = [
  { source: './bad-manifest.js', id: null, code: 'PLUGIN_MANIFEST_INVALID', why: /\.\/bad-manifest\.js: id: lower-case letters, digits and -/ },
  { source: './register-throws.js', id: 'register-throws', code: 'PLUGIN_REGISTER_FAILED', why: /register\(\) threw: cannot reach the laboratory system/ },
  { source: './engine-mismatch.js', id: null, code: 'PLUGIN_ENGINE_MISMATCH', why: /needs engine \^9\.0\.0; this is 0\.1\.0/ },
  { source: './import-fails.js', id: null, code: 'PLUGIN_LOAD_FAILED', why: /cannot load \.\/import-fails\.js: .*duban-test-package-that-is-not-installed/ },
];

describe('plugins from the config file that fail to load', () => {
  let dir: string;
  let cli: CliOptions;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-plugins-'));
    cli = { db: join(dir, 'duban.db'), cwd: CONFIG_DIR };
    await seedTestOrg(cli.db!);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plugins list --json: each disabled with its code and a message naming it and why; the built-ins load', async () => {
    const listed = await runDubanJson(['plugins', 'list', '--json'], cli);
    expect(listed.plugins.map((p: { id: string; status: string }) => `${p.id}:${p.status}`)).toEqual(
      expect.arrayContaining(['quality-office:ok']),
    );
    expect(listed.disabled).toHaveLength(EXPECTED.length);
    for (const expected of EXPECTED) {
      const found = listed.disabled.find((d: { source: string }) => d.source === expected.source);
      expect(found, expected.source).toMatchObject({ status: 'disabled', code: expected.code, id: expected.id });
      expect(found.message).toMatch(new RegExp(`^plugin (${expected.id ?? '\\./[a-z-]+\\.js'}) disabled: `));
      expect(found.message).toMatch(expected.why);
    }
    // The invalid manifest was refused before any of its code ran.
    expect(JSON.stringify(listed)).not.toContain('register() ran');
  }, CLI_TEST_TIMEOUT);

  it('plugins doctor exits 1 and lists every disabled plugin', async () => {
    const doctor = await runDuban(['plugins', 'doctor'], cli);
    expect(doctor.code).toBe(1);
    for (const expected of EXPECTED) {
      const line = doctor.stdout.split('\n').find((l) => l.startsWith(expected.id ?? expected.source));
      expect(line, expected.source).toMatch(new RegExp(`disabled\\s+${expected.code}: `));
    }
    expect(doctor.stdout).toMatch(/^quality-office\s+0\.1\.0\s+ok/m);
    expect(doctor.stdout).toMatch(/^4 plugins disabled\.$/m);
  }, CLI_TEST_TIMEOUT);

  it('the built-in quality office keeps working: run spot-check starts, with a warning per disabled plugin', async () => {
    const input = JSON.stringify({ department: 'CT', candidates: ['p1', 'p2'], count: 1 });
    const run = await runDuban(['run', 'spot-check', '--input', input, '--as', 'alice', '--json'], cli);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ chainId: 'spot-check', state: 'inspecting' });
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('duban: warning: plugin '));
    expect(warnings).toHaveLength(EXPECTED.length);
  }, CLI_TEST_TIMEOUT);

  it('without the broken plugins, doctor is happy (the failure above is theirs, not the config loader’s)', async () => {
    const doctor = await runDuban(['plugins', 'doctor', '--json'], { db: cli.db, cwd: dir });
    expect(doctor.code).toBe(0);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ disabled: [] });
  }, CLI_TEST_TIMEOUT);
});
