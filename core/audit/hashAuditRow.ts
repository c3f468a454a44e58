import { canonicalJson } from '../util/canonicalJson.js';
import { sha256 } from '../util/sha256.js';
import type { AuditRow } from './AuditEntry.js';

/**
 * `sha256(previous hash + canonical row)`. The stored `data` text is hashed as stored, so
 * any edit of any column, even one that leaves the JSON equivalent, breaks the chain.
 */
export function hashAuditRow(row: Omit<AuditRow, 'hash'> & { hash?: string }): string {
  // `by_person` is hashed only when set, so rows written before the column existed still verify.
  const { prev_hash, hash: _stored, by_person, ...content } = row;
  return sha256(prev_hash + canonicalJson({ ...content, seq: Number(content.seq), ...(by_person ? { by_person } : {}) }));
}
