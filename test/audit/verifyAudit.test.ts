import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { openRawSql, type RawSql } from '../support/rawSql.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const INPUT = { department: 'CT', candidates: ['p1', 'p2'], count: 1 };

describe.each(DIALECTS)('verifyAudit on %s', (dialect) => {
  let duban: TestDuban;
  let raw: RawSql | undefined;
  afterEach(async () => {
    await raw?.close();
    raw = undefined;
    await duban?.dispose();
  });

  /** An engine with some history: two instances, one answered. Returns the number of audit rows. */
  async function withHistory(): Promise<number> {
    duban = await startTestDuban(dialect);
    const a = await duban.engine.start('spot-check', INPUT, 'alice');
    await duban.engine.send(a.id, { type: 'SUBMIT', data: { passed: true } }, 'bob');
    await duban.engine.start('spot-check', INPUT, 'alice');
    raw = await openRawSql(duban.database.target);
    const [count] = await raw.all<{ n: number | string }>('select count(*) as n from audit_log');
    return Number(count!.n);
  }

  it('passes on a fresh database', async () => {
    duban = await startTestDuban(dialect);
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: true });
  });

  it('passes with history, and every accepted event appended exactly one row', async () => {
    const rows = await withHistory();
    // start + task.done per instance, and the SUBMIT.
    const chainRows = await raw!.all<{ event: string }>(`select event from audit_log where chain like 'spot-check@%' order by seq`);
    expect(chainRows.map((r) => r.event)).toEqual(['start', 'task.done', 'SUBMIT', 'start', 'task.done']);
    expect(await verifyAudit(duban.store.db)).toEqual({ ok: true, rows, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('names the row after an UPDATE from outside', async () => {
    await withHistory();
    await raw!.run(`update audit_log set state_after = 'passed' where seq = 2`);
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: false, seq: 2, problem: 'badHash' });
  });

  it('names the row after a DELETE in the middle', async () => {
    await withHistory();
    await raw!.run('delete from audit_log where seq = 2');
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: false, seq: 2, problem: 'gap' });
  });

  it('names the row after a DELETE of the last row', async () => {
    const rows = await withHistory();
    await raw!.run('delete from audit_log where seq = ?', [rows]);
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: false, seq: rows, problem: 'headMismatch' });
  });

  it('names the row after an INSERT', async () => {
    const rows = await withHistory();
    await raw!.run(
      `insert into audit_log (seq, at, actor, instance_id, chain, event, state_before, state_after, data, prev_hash, hash)
       values (?, '2026-03-02T01:00:00.000Z', 'mallory', null, null, 'forged', null, null, '{}', '', '')`,
      [rows + 1],
    );
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: false, seq: rows + 1 });
  });

  it('reads the log in pages without losing its place', async () => {
    const rows = await withHistory();
    expect(await verifyAudit(duban.store.db, 2)).toMatchObject({ ok: true, rows });
    await raw!.run(`update audit_log set actor = 'mallory' where seq = ?`, [rows - 1]);
    expect(await verifyAudit(duban.store.db, 2)).toMatchObject({ ok: false, seq: rows - 1 });
  });
});
