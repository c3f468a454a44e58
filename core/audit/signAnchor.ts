import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../util/canonicalJson.js';
import type { AuditAnchor, TrustedKey } from './AuditAnchor.js';
import type { AnchorKey } from './anchorKey.js';

// What is signed: the four fields, canonical, so any verifier rebuilds the same bytes.
function payload(anchor: Omit<AuditAnchor, 'sig'>): Buffer {
  return Buffer.from(canonicalJson({ seq: anchor.seq, hash: anchor.hash, at: anchor.at, keyId: anchor.keyId }), 'utf8');
}

/** Signs a checkpoint of the audit head with this machine's key. */
export function signAnchor(key: AnchorKey, head: { seq: number; hash: string }, at: Date): AuditAnchor {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString(), keyId: key.id };
  return { ...unsigned, sig: sign(null, payload(unsigned), key.privateKey).toString('base64') };
}

/** True when `anchor` carries a valid signature of `key`. */
export function anchorSignatureHolds(anchor: AuditAnchor, key: TrustedKey | KeyObject): boolean {
  const publicKey = 'publicKey' in key && typeof key.publicKey === 'string' ? createPublicKey(key.publicKey) : (key as KeyObject);
  try {
    return verify(null, payload(anchor), publicKey, Buffer.from(anchor.sig, 'base64'));
  } catch {
    return false;
  }
}
