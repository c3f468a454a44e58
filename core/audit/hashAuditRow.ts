import { canonicalJson } from '../util/canonicalJson.js';
import { sha256 } from '../util/sha256.js';
import type { AuditRow } from './AuditEntry.js';

// The hashed columns in RFC 8785 order (keys sorted by UTF-16 code units).
const HASHED = ['actor', 'at', 'by_person', 'chain', 'data', 'event', 'instance_id', 'seq', 'state_after', 'state_before'] as const;
const COLUMNS = new Set<string>([...HASHED, 'prev_hash', 'hash']);

/**
 * `sha256(previous hash + canonical row)`. The stored `data` text is hashed as stored, so
 * any edit of any column, even one that leaves the JSON equivalent, breaks the chain.
 */
export function hashAuditRow(row: Omit<AuditRow, 'hash'> & { hash?: string }): string {
  return sha256(row.prev_hash + (knownColumnsJson(row) ?? anyColumnsJson(row)));
}

// The definition: every column but the hashes, `seq` as a number, `by_person` only when
// set (so rows written before the column existed still verify), as RFC 8785 canonical JSON.
function anyColumnsJson(row: Omit<AuditRow, 'hash'> & { hash?: string }): string {
  const { prev_hash: _prev, hash: _stored, by_person, ...content } = row;
  return canonicalJson({ ...content, seq: Number(content.seq), ...(by_person ? { by_person } : {}) });
}

// The same text written directly for a row of the known columns holding strings and null
// (every row the log holds): the generic serialiser sorts keys and walks values on every
// append and every verified row. Anything else goes to the generic one.
function knownColumnsJson(row: Omit<AuditRow, 'hash'> & { hash?: string }): string | undefined {
  for (const key in row) if (!COLUMNS.has(key)) return undefined;
  const values = row as unknown as Record<string, unknown>;
  let out = '';
  for (const key of HASHED) {
    const value = key === 'seq' ? Number(values.seq) : values[key];
    if (value === undefined || (key === 'by_person' && !value)) continue;
    let text: string;
    if (typeof value === 'string') text = JSON.stringify(value);
    else if (value === null) text = 'null';
    else if (typeof value === 'number' && Number.isFinite(value)) text = JSON.stringify(value);
    else return undefined;
    out += `${out === '' ? '' : ','}"${key}":${text}`;
  }
  return `{${out}}`;
}
