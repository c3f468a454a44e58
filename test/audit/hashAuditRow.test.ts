import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../core/audit/AuditEntry.js';
import { hashAuditRow } from '../../core/audit/hashAuditRow.js';

// The hash as defined, written with the general RFC 8785 serialiser and a Hash object:
// the direct serialisation of the known columns must give the very same bytes.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (value: unknown) => string;
function definedHash(row: Record<string, unknown>): string {
  const { prev_hash, hash: _stored, by_person, ...content } = row;
  const text = String(prev_hash) + canonicalize({ ...content, seq: Number(content.seq), ...(by_person ? { by_person } : {}) });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const ROW = {
  seq: 41,
  at: '2026-12-03T14:00:00.000Z',
  actor: 'person:bench-user',
  instance_id: 'i_01',
  chain: 'bench-loop@1',
  event: 'TICK',
  state_before: 'looping',
  state_after: 'looping',
  data: '{"n":1}',
  prev_hash: 'a'.repeat(64),
};

describe('hashing an audit row', () => {
  const rows: [string, Record<string, unknown>][] = [
    ['an event row', ROW],
    ['a row on behalf of another person', { ...ROW, by_person: 'person:alice' }],
    ['a row read back with by_person null', { ...ROW, by_person: null, hash: 'stored' }],
    ['a row with by_person empty', { ...ROW, by_person: '' }],
    ['a row outside a chain', { ...ROW, instance_id: null, chain: null, state_before: null, state_after: null }],
    ['text needing escapes and outside the BMP', { ...ROW, actor: 'person:"王\\小明"\n\t\u0001', data: '{"note":"😀 \u2028 \ud800"}' }],
    ['seq read back as text (PostgreSQL bigint)', { ...ROW, seq: '41' }],
    ['the first row', { ...ROW, seq: 1, prev_hash: '' }],
    ['a column left undefined', { ...ROW, state_before: undefined }],
    ['a column the log does not have', { ...ROW, extra: { b: 2, a: [1, 'x'] } }],
    ['a value of another type', { ...ROW, data: { z: 1, a: 2 } }],
  ];
  it.each(rows)('%s hashes as its canonical JSON defines', (_name, row) => {
    expect(hashAuditRow(row as unknown as AuditRow)).toBe(definedHash(row));
  });

  it('any change of a hashed column changes the hash', () => {
    const base = hashAuditRow(ROW as AuditRow);
    for (const key of Object.keys(ROW)) {
      const changed = { ...ROW, [key]: key === 'seq' ? 42 : `${String(ROW[key as keyof typeof ROW])}x` };
      expect(hashAuditRow(changed as AuditRow), key).not.toBe(base);
    }
  });
});
