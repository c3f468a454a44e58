import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestOrg } from '../support/testDuban.js';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson } from '../support/cli.js';

// The hash is recomputed here from its definition, not with duban's code: an attacker (or
// an auditor) outside duban can do the same. hash = sha256(prev_hash + canonical row), where
// `by_person` (who acted on the actor's behalf) counts only when set.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (value: unknown) => string;

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  instance_id: string | null;
  chain: string | null;
  event: string;
  state_before: string | null;
  state_after: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

function chainHash(row: Omit<AuditRow, 'hash'> & { by_person?: string | null }): string {
  const { prev_hash, by_person, ...rest } = row;
  const content = by_person ? { ...rest, by_person } : rest;
  return createHash('sha256').update(prev_hash + canonicalize(content), 'utf8').digest('hex');
}

const T0 = '2026-03-02T01:00:00.000Z';
const INPUT = JSON.stringify({ department: 'CT', candidates: ['p1', 'p2'], count: 1 });

describe('duban audit verify on a database changed behind its back', () => {
  let dir: string;
  let history: string;
  let rows: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-audit-'));
    history = join(dir, 'history.db');
    const cli = { db: history, now: T0 };
    await seedTestOrg(history);
    const a = await runDubanJson(['run', 'spot-check', '--input', INPUT, '--as', 'alice', '--json'], cli);
    await runDubanJson(['send', a.id, 'SUBMIT', '--data', '{"passed":false,"note":"gloves missing"}', '--as', 'bob', '--json'], cli);
    await runDubanJson(['run', 'spot-check', '--input', INPUT, '--as', 'carol', '--json'], cli);
    const db = new Database(history, { readonly: true });
    rows = Number((db.prepare('select count(*) as n from audit_log').get() as { n: number }).n);
    db.close();
  }, CLI_TEST_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the history database (a standalone file, WAL folded in), tampered by `edit`. */
  function tampered(name: string, edit: (db: Database.Database) => void): string {
    const file = join(dir, `${name}.db`);
    const source = new Database(history);
    source.exec(`vacuum into '${file}'`);
    source.close();
    const db = new Database(file);
    edit(db);
    db.close();
    return file;
  }

  const lastRows = (db: Database.Database) => db.prepare('select * from audit_log order by seq').all() as AuditRow[];

  it('passes on a fresh database and on one with history', async () => {
    const fresh = join(dir, 'fresh.db');
    expect((await runDuban(['init'], { db: fresh })).code).toBe(0);
    const clean = await runDuban(['audit', 'verify'], { db: fresh });
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toMatch(/verified/);

    expect(rows).toBeGreaterThanOrEqual(5);
    const result = await runDuban(['audit', 'verify'], { db: history });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${rows} rows`);
    const json = await runDubanJson(['audit', 'verify', '--json'], { db: history });
    expect(json).toMatchObject({ ok: true, rows });
  }, CLI_TEST_TIMEOUT);

  const cases: [string, (db: Database.Database) => void, () => number][] = [
    ['an UPDATE of one row', (db) => db.prepare(`update audit_log set actor = 'mallory' where seq = 3`).run(), () => 3],
    [
      'an UPDATE that keeps the JSON equivalent (whitespace only)',
      (db) => db.prepare(`update audit_log set data = ' ' || data where seq = 2`).run(),
      () => 2,
    ],
    [
      'an UPDATE whose row hash was recomputed (the next row no longer links to it)',
      (db) => {
        const { hash: _old, ...row } = lastRows(db)[1]!;
        const edited = { ...row, actor: 'mallory' };
        db.prepare('update audit_log set actor = ?, hash = ? where seq = ?').run(edited.actor, chainHash(edited), row.seq);
      },
      () => 3,
    ],
    ['a DELETE of a middle row', (db) => db.prepare('delete from audit_log where seq = 3').run(), () => 3],
    ['a DELETE of the last row', (db) => db.prepare('delete from audit_log where seq = (select max(seq) from audit_log)').run(), () => rows],
    [
      'an INSERT of a forged row',
      (db) =>
        db
          .prepare(`insert into audit_log (seq, at, actor, instance_id, chain, event, state_before, state_after, data, prev_hash, hash) values (?, ?, 'mallory', null, null, 'forged', null, null, '{}', 'x', 'y')`)
          .run(rows + 1, T0),
      () => rows + 1,
    ],
    [
      'an INSERT of a row that links correctly to the one before',
      (db) => {
        const last = lastRows(db).at(-1)!;
        const forged = { seq: rows + 1, at: T0, actor: 'mallory', instance_id: null, chain: null, event: 'forged', state_before: null, state_after: null, data: '{}', prev_hash: last.hash };
        db.prepare(
          'insert into audit_log (seq, at, actor, instance_id, chain, event, state_before, state_after, data, prev_hash, hash) values (@seq, @at, @actor, @instance_id, @chain, @event, @state_before, @state_after, @data, @prev_hash, @hash)',
        ).run({ ...forged, hash: chainHash(forged) });
      },
      () => rows + 1,
    ],
  ];

  it.each(cases)('fails naming the row after %s', async (name, edit, badRow) => {
    const file = tampered(name.replace(/\W+/g, '-'), edit);
    const result = await runDuban(['audit', 'verify'], { db: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^duban: AUDIT_BROKEN: Audit log broken at row ${badRow()}: `));
    const json = await runDuban(['audit', 'verify', '--json'], { db: file });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, seq: badRow() });
  }, CLI_TEST_TIMEOUT);

  it('recomputes the stored hashes from their definition (the formula is the contract)', () => {
    const db = new Database(history, { readonly: true });
    const all = lastRows(db);
    db.close();
    let prev = '';
    for (const row of all) {
      const { hash, ...rest } = row;
      expect(row.prev_hash).toBe(prev);
      expect(hash).toBe(chainHash({ ...rest, seq: Number(rest.seq) }));
      prev = hash;
    }
  });
});
