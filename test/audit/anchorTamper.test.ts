import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../core/audit/AuditEntry.js';
import { hashAuditRow } from '../../core/audit/hashAuditRow.js';
import { verifyAudit } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { importHospital } from '../support/hospitalOrg.js';
import { openRawSql, type RawSql } from '../support/rawSql.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

type Edit = (raw: RawSql, n: number) => Promise<unknown>;

const rows = (raw: RawSql) => raw.all<AuditRow>('select * from audit_log order by seq');
const setHead = (raw: RawSql, seq: number, hash: string) => raw.run('update audit_head set seq = ?, hash = ? where id = 1', [seq, hash]);

/** Rewrites the rows from `from` on with hashes that fit, and the head: what a careful forger does. */
async function rechain(raw: RawSql, from: number): Promise<void> {
  let prev = from > 1 ? (await raw.all<{ hash: string }>('select hash from audit_log where seq = ?', [from - 1]))[0]!.hash : '';
  let last = { seq: from - 1, hash: prev };
  for (const row of (await rows(raw)).filter((r) => Number(r.seq) >= from)) {
    const hash = hashAuditRow({ ...row, prev_hash: prev });
    await raw.run('update audit_log set prev_hash = ?, hash = ? where seq = ?', [prev, hash, row.seq]);
    prev = hash;
    last = { seq: Number(row.seq), hash };
  }
  await setHead(raw, last.seq, last.hash);
}

/** Moves every row from `from` on by `by` (through a far range, so no seq collides on the way). */
async function renumber(raw: RawSql, from: number, by: number): Promise<void> {
  await raw.run('update audit_log set seq = seq + 100000 where seq >= ?', [from]);
  await raw.run('update audit_log set seq = seq - 100000 + ? where seq >= 100000', [by]);
}

async function forgedRow(raw: RawSql, seq: number, prev: string): Promise<AuditRow> {
  const template = (await rows(raw))[2]!;
  const row = { ...template, seq, data: '{"text":"forged"}', prev_hash: prev, by_person: null };
  return { ...row, hash: hashAuditRow(row) };
}

const insert = (raw: RawSql, r: AuditRow) =>
  raw.run('insert into audit_log (seq, at, actor, instance_id, chain, event, state_before, state_after, data, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    r.seq, r.at, r.actor, r.instance_id, r.chain, r.event, r.state_before, r.state_after, r.data, r.prev_hash, r.hash,
  ]);

const MIDDLE = 5;

/** The 14 edits that must be caught, each applied to a fresh copy of the same history of `n` rows. */
const EDITS: Record<string, Edit> = {
  'edit a row': (raw) => raw.run(`update audit_log set data = '{"text":"nothing happened"}' where seq = ?`, [MIDDLE]).then(() => undefined),
  'whitespace edit': (raw) => raw.run(`update audit_log set data = data || ' ' where seq = ?`, [MIDDLE]).then(() => undefined),
  'delete middle': (raw) => raw.run('delete from audit_log where seq = ?', [MIDDLE]).then(() => undefined),
  'delete last': (raw, n) => raw.run('delete from audit_log where seq = ?', [n]).then(() => undefined),
  'delete last 3 + reset head': async (raw, n) => {
    await raw.run('delete from audit_log where seq > ?', [n - 3]);
    const [row] = await raw.all<{ hash: string }>('select hash from audit_log where seq = ?', [n - 3]);
    await setHead(raw, n - 3, row!.hash);
  },
  'append forged without touching the head': async (raw, n) => {
    const [last] = await raw.all<{ hash: string }>('select hash from audit_log where seq = ?', [n]);
    await insert(raw, await forgedRow(raw, n + 1, last!.hash));
  },
  'insert middle + renumber': async (raw) => {
    const [prev] = await raw.all<{ hash: string }>('select hash from audit_log where seq = ?', [MIDDLE - 1]);
    await renumber(raw, MIDDLE, 1);
    await insert(raw, await forgedRow(raw, MIDDLE, prev!.hash));
  },
  'swap contents': async (raw) => {
    const all = await rows(raw);
    const [a, b] = [all[MIDDLE - 1]!, all[MIDDLE]!];
    await raw.run('update audit_log set data = ?, event = ? where seq = ?', [b.data, b.event, a.seq]);
    await raw.run('update audit_log set data = ?, event = ? where seq = ?', [a.data, a.event, b.seq]);
  },
  'swap seqs': async (raw) => {
    await raw.run('update audit_log set seq = -1 where seq = ?', [MIDDLE]);
    await raw.run('update audit_log set seq = ? where seq = ?', [MIDDLE, MIDDLE + 1]);
    await raw.run('update audit_log set seq = ? where seq = -1', [MIDDLE + 1]);
  },
  'edit head only': (raw, n) => setHead(raw, n, '0'.repeat(64)).then(() => undefined),
  'rewrite from the middle with recomputed hashes': async (raw) => {
    await raw.run(`update audit_log set data = '{"text":"nothing happened"}' where seq = ?`, [MIDDLE]);
    await rechain(raw, MIDDLE);
  },
  'delete middle + renumber + recompute': async (raw) => {
    await raw.run('delete from audit_log where seq = ?', [MIDDLE]);
    await renumber(raw, MIDDLE + 1, -1);
    await rechain(raw, MIDDLE);
  },
  'wipe + reset head': async (raw) => {
    await raw.run('delete from audit_log');
    await setHead(raw, 0, '');
  },
  reorder: async (raw, n) => {
    // The rows in reverse order of content, each keeping its seq.
    await raw.run('update audit_log set seq = seq + 100000');
    for (let seq = 1; seq <= n; seq++) await raw.run('update audit_log set seq = ? where seq = ?', [n + 1 - seq, seq + 100000]);
  },
};

describe.each(DIALECTS)('audit anchors against tampering on %s', (dialect) => {
  let duban: TestDuban | undefined;
  let raw: RawSql | undefined;
  let dir: string;
  afterEach(async () => {
    await raw?.close();
    raw = undefined;
    await duban?.dispose();
    duban = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  /** A history of findings work, anchored at its end; returns the number of rows. */
  async function anchoredHistory(): Promise<number> {
    dir = mkdtempSync(join(tmpdir(), 'duban-anchor-'));
    duban = await startTestDuban(dialect);
    Object.assign(duban.anchors.settings, { keyFile: join(dir, 'key.pem'), anchorsFile: join(dir, 'anchors.jsonl') });
    await importHospital(duban);
    for (let i = 0; i < 3; i++) {
      const id = await duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'minor', title: `迟到 ${i}` }, 'insp1');
      await duban.findings.ack(id, 'head_ct');
      await duban.findings.note(id, 'office1', 'called');
    }
    const { anchor } = await duban.anchors.anchor();
    raw = await openRawSql(duban.database.target);
    return anchor.seq;
  }

  /** `audit verify --anchors` as the CLI does it: the chain, then the anchors. */
  async function verify(): Promise<{ ok: true } | { ok: false; seq: number }> {
    const chain = await verifyAudit(duban!.store.db);
    if (!chain.ok) return chain;
    const anchors = await duban!.anchors.verify();
    return anchors.ok ? { ok: true } : anchors;
  }

  it('the untouched history verifies with its anchor', async () => {
    const n = await anchoredHistory();
    expect(n).toBeGreaterThanOrEqual(10);
    expect(await verify()).toEqual({ ok: true });
  });

  for (const [name, edit] of Object.entries(EDITS)) {
    it(`detects: ${name}`, async () => {
      const n = await anchoredHistory();
      await edit(raw!, n);
      const result = await verify();
      expect(result.ok).toBe(false);
      expect((result as { seq: number }).seq).toBeGreaterThanOrEqual(1);
      expect((result as { seq: number }).seq).toBeLessThanOrEqual(n + 1);
    });
  }

  it('the documented limit: a forged row appended after the last anchor, with a recomputed head, passes until the next anchor', async () => {
    const n = await anchoredHistory();
    const [last] = await raw!.all<{ hash: string }>('select hash from audit_log where seq = ?', [n]);
    const forged = await forgedRow(raw!, n + 1, last!.hash);
    await insert(raw!, forged);
    await setHead(raw!, n + 1, forged.hash);
    expect(await verify()).toEqual({ ok: true });
  });

  it('an anchor signed by an unknown key, or altered, does not verify', async () => {
    await anchoredHistory();
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = duban!.anchors.settings.anchorsFile;
    const anchor = JSON.parse(readFileSync(file, 'utf8').trim());
    writeFileSync(file, `${JSON.stringify({ ...anchor, seq: anchor.seq - 1 })}\n`);
    expect(await duban!.anchors.verify()).toMatchObject({ ok: false, problem: 'badSignature', line: 1 });
    writeFileSync(file, `${JSON.stringify({ ...anchor, keyId: 'ffffffffffffffff' })}\n`);
    expect(await duban!.anchors.verify()).toMatchObject({ ok: false, problem: 'unknownKey' });
  });
});
