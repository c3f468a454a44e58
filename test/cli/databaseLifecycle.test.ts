import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson } from '../support/cli.js';

// A plugin as a hospital would add one: its first release has one migration, its next a
// second. The file is rewritten between commands, as an upgrade would replace it.
function writeLedgerPlugin(dir: string, migrations: number): void {
  const steps = ['001_entries', '002_notes'].slice(0, migrations).map((name, i) =>
    i === 0
      ? `'${name}': { up: (db) => db.schema.createTable('ledger_entries').addColumn('id', 'text', (c) => c.primaryKey()).execute() }`
      : `'${name}': { up: (db) => db.schema.alterTable('ledger_entries').addColumn('note', 'text').execute() }`,
  );
  writeFileSync(
    join(dir, 'ledger.mjs'),
    `export const plugin = { id: 'ledger', version: '1.0.${migrations}', engine: '^0.1.0', title: { 'zh-CN': '台账', en: 'Ledger' }, migrations: { ${steps.join(', ')} } };\n`,
  );
}

describe('commands never create a database by accident, and migrate only when asked', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'duban-lifecycle-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('findings list --db nope/x.db: DB_NOT_FOUND naming the path, exit 1, and nope/ is not made', async () => {
    const result = await runDuban(['findings', 'list', '--db', 'nope/x.db'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^duban: DB_NOT_FOUND: no database at ${join(dir, 'nope', 'x.db')}`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  }, CLI_TEST_TIMEOUT);

  it('the same through DUBAN_DB, the config file’s db and the default XDG path', async () => {
    const viaEnv = await runDuban(['findings', 'list'], { cwd: dir, db: 'nope/x.db' });
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr).toContain(`DB_NOT_FOUND: no database at ${join(dir, 'nope', 'x.db')}`);
    expect(existsSync(join(dir, 'nope'))).toBe(false);

    const project = join(dir, 'project');
    rmSync(project, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(project);
    writeFileSync(join(project, 'duban.config.json'), JSON.stringify({ db: 'data/duban.db' }));
    const viaConfig = await runDuban(['instances', 'list'], { cwd: project });
    expect(viaConfig.code).toBe(1);
    expect(viaConfig.stderr).toContain(`DB_NOT_FOUND: no database at ${join(project, 'data', 'duban.db')}`);
    expect(readdirSync(project)).toEqual(['duban.config.json']);

    const xdg = join(dir, 'xdg');
    const viaDefault = await runDuban(['findings', 'list'], { cwd: dir, env: { XDG_DATA_HOME: xdg } });
    expect(viaDefault.code).toBe(1);
    expect(viaDefault.stderr).toContain(`DB_NOT_FOUND: no database at ${join(xdg, 'duban', 'duban.db')}`);
    expect(existsSync(xdg)).toBe(false);
  }, CLI_TEST_TIMEOUT);

  it('pure commands open no database: they succeed with --db naming a missing file, and create nothing', async () => {
    const db = ['--db', 'nope/x.db'];
    const classify = await runDubanJson(['tb', 'classify', '--lab', 'neg', '--controller', '1+', '--json', ...db], { cwd: dir });
    expect(classify).toMatchObject({ lab: 'NEG', controller: '1+' });
    writeFileSync(join(dir, 'points.csv'), 'person,title,ct,mri,xray,ultrasound,extra\nd1,resident,1,0,0,0,0\n');
    const points = await runDuban(['medtech', 'points', '--input', 'points.csv', '--json', ...db], { cwd: dir });
    expect(points.stderr).not.toContain('DB_');
    const { REPO_ROOT } = await import('../support/cli.js');
    const validate = await runDuban(['chains', 'validate', join(REPO_ROOT, 'workflows', 'corrective-meeting.yaml'), ...db], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);
    const scaffold = await runDuban(['plugins', 'new', 'wardround', ...db], { cwd: dir });
    expect(scaffold.code, scaffold.stderr).toBe(0);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['duban.config.json', 'points.csv', 'wardround']);
  }, CLI_TEST_TIMEOUT);

  it('a plugin’s new migration: DB_OUTDATED saying what to run; migrate status lists it; migrate backs up, then applies it', async () => {
    writeLedgerPlugin(dir, 1);
    writeFileSync(join(dir, 'duban.config.json'), JSON.stringify({ db: 'duban.db', plugins: ['./ledger.mjs'] }));
    expect((await runDuban(['init'], { cwd: dir })).code).toBe(0);
    expect((await runDuban(['findings', 'list'], { cwd: dir })).code).toBe(0);

    writeLedgerPlugin(dir, 2);
    const outdated = await runDuban(['findings', 'list'], { cwd: dir });
    expect(outdated.code).toBe(1);
    expect(outdated.stderr).toMatch(/^duban: DB_OUTDATED: .*ledger: 002_notes.*run `duban migrate`/);
    // Nothing ran behind the user's back.
    const status = await runDubanJson(['migrate', 'status', '--json'], { cwd: dir });
    expect(status.current).toBe(false);
    expect(status.owners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ owner: 'core', pending: [] }),
        expect.objectContaining({ owner: 'ledger', applied: ['001_entries'], pending: ['002_notes'] }),
      ]),
    );
    const human = await runDuban(['migrate', 'status'], { cwd: dir });
    expect(human.stdout).toMatch(/^ledger\s+1\s+002_notes$/m);

    const migrated = await runDubanJson(['migrate', '--json'], { cwd: dir });
    expect(migrated.applied).toEqual({ ledger: ['002_notes'] });
    expect(migrated.backup).toMatch(new RegExp(`^${join(dir, 'duban.db')}\\.before-migrate-\\d{8}T\\d{6}Z$`));
    expect(existsSync(migrated.backup)).toBe(true);
    expect((await runDuban(['findings', 'list'], { cwd: dir })).code).toBe(0);
    expect((await runDubanJson(['migrate', 'status', '--json'], { cwd: dir })).current).toBe(true);
  }, CLI_TEST_TIMEOUT);
});
