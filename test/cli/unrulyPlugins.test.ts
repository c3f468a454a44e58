import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestOrg } from '../support/testDuban.js';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson, type CliOptions } from '../support/cli.js';

// test/fixtures/unruly-plugins/duban.config.json names four plugins that would take the
// process down while loading, and sets a short load time limit so the hangs end quickly.
const CONFIG_DIR = fileURLToPath(new URL('../fixtures/unruly-plugins/', import.meta.url));

const EXPECTED = [
  { source: './register-hangs.js', id: 'register-hangs', code: 'PLUGIN_TIMEOUT', why: /register\(\) did not finish within 300 ms/ },
  { source: './import-hangs.js', id: null, code: 'PLUGIN_TIMEOUT', why: /loading \.\/import-hangs\.js did not finish within 300 ms/ },
  { source: './exit-at-import.js', id: null, code: 'PLUGIN_EXIT_REFUSED', why: /loading \.\/exit-at-import\.js called process\.exit\(0\)/ },
  { source: './exit-in-register.js', id: 'exit-in-register', code: 'PLUGIN_EXIT_REFUSED', why: /register\(\) called process\.exit\(3\)/ },
];

describe('plugins that hang or end the process while loading', () => {
  let dir: string;
  let cli: CliOptions;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-unruly-'));
    cli = { db: join(dir, 'duban.db'), cwd: CONFIG_DIR };
    await seedTestOrg(cli.db!);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('findings list still works: exit 0, its table printed, one warning naming each plugin and why', async () => {
    const listed = await runDuban(['findings', 'list'], cli);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^id\s+dept\s+severity/);
    const warnings = listed.stderr.split('\n').filter((l) => l.startsWith('duban: warning: plugin '));
    expect(warnings).toHaveLength(EXPECTED.length);
    for (const expected of EXPECTED) expect(warnings.some((w) => expected.why.test(w)), expected.source).toBe(true);
  }, CLI_TEST_TIMEOUT);

  it('plugins list --json: each disabled with its code and reason; the built-ins load', async () => {
    const listed = await runDubanJson(['plugins', 'list', '--json'], cli);
    expect(listed.plugins.map((p: { id: string; status: string }) => `${p.id}:${p.status}`)).toEqual(expect.arrayContaining(['quality-office:ok']));
    expect(listed.disabled).toHaveLength(EXPECTED.length);
    for (const expected of EXPECTED) {
      const found = listed.disabled.find((d: { source: string }) => d.source === expected.source);
      expect(found, expected.source).toMatchObject({ status: 'disabled', code: expected.code, id: expected.id });
      expect(found.message).toMatch(expected.why);
    }
  }, CLI_TEST_TIMEOUT);
});
