import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, REPO_ROOT, runDuban, runDubanJson } from '../support/cli.js';
import { openRawSql } from '../support/rawSql.js';

const fixture = (name: string) => join('test', 'fixtures', 'chains', name);

describe('duban chains validate', () => {
  let dir: string;
  let db: string;
  let registered: unknown[];

  const definitions = async () => {
    const raw = await openRawSql(db);
    try {
      return await raw.all('select id, version, content_hash from chain_definitions order by id, version');
    } finally {
      await raw.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-chains-'));
    db = join(dir, 'duban.db');
    expect((await runDuban(['init'], { db })).code).toBe(0);
    registered = await definitions();
    expect(registered.length).toBeGreaterThan(0);
  }, CLI_TEST_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a valid file and registers nothing', async () => {
    const text = await runDuban(['chains', 'validate', fixture('valid-minimal.yaml')], { db });
    expect(text).toMatchObject({ code: 0, stderr: '' });
    const json = await runDubanJson(['chains', 'validate', fixture('valid-minimal.yaml'), '--json'], { db });
    expect(json).toMatchObject({ valid: true, id: 'fixture-valid', version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await definitions()).toEqual(registered);
  }, CLI_TEST_TIMEOUT);

  // Each file names its own bad line in a comment at its top.
  it.each([
    ['bad-yaml-syntax.yaml', 8, undefined, /Flow map/],
    ['unknown-target.yaml', 11, 'states.open.on.DONE.target', /no step named "closd"/],
    ['bad-duration.yaml', 10, 'states.open.sla.after', /ISO 8601 duration/],
    ['unknown-task-type.yaml', 9, 'states.open.task', /no loaded plugin provides task type "quality-office.no-such-task"/],
  ])('rejects %s with CHAIN_INVALID naming line %i and the field path, writing nothing', async (name, line, path, why) => {
    const file = fixture(name);
    const result = await runDuban(['chains', 'validate', file], { db, cwd: REPO_ROOT });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const [first, ...others] = result.stderr.trimEnd().split('\n');
    expect(others).toEqual([]);
    expect(first!.startsWith(`duban: CHAIN_INVALID: ${file}:${line}: ${path ? `${path}: ` : ''}`)).toBe(true);
    expect(first).toMatch(why);
    expect(await definitions()).toEqual(registered);
  }, CLI_TEST_TIMEOUT);

  it('reports an unreadable file with its own code', async () => {
    const result = await runDuban(['chains', 'validate', fixture('no-such-file.yaml')], { db });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^duban: CHAIN_FILE_UNREADABLE: cannot read test\/fixtures\/chains\/no-such-file\.yaml/);
  }, CLI_TEST_TIMEOUT);
});
