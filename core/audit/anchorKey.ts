import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DubanError } from '../errors/DubanError.js';
import type { TrustedKey } from './AuditAnchor.js';

/** This machine's signing key for anchors. */
export interface AnchorKey {
  readonly id: string;
  readonly privateKey: KeyObject;
  readonly publicKey: TrustedKey;
}

/** The id of a public key: the first 16 hex digits of the SHA-256 of its SPKI DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/**
 * Reads the anchor signing key from `file` (PKCS#8 PEM), creating it on first use with
 * mode 0600 in a 0700 folder. The key lives outside the database on purpose: whoever can
 * rewrite the database must not also be able to sign a matching anchor.
 *
 * @throws DubanError `AUDIT_KEY_UNREADABLE` naming the file.
 */
export function loadAnchorKey(file: string, create = true): AnchorKey {
  try {
    if (!existsSync(file)) {
      if (!create) throw new Error('no key file');
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    }
    const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${privateKey.asymmetricKeyType})`);
    const publicKey = createPublicKey(privateKey);
    const id = keyIdOf(publicKey);
    return { id, privateKey, publicKey: { id, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() } };
  } catch (cause) {
    throw new DubanError('AUDIT_KEY_UNREADABLE', `${file}: the anchor signing key cannot be read: ${(cause as Error).message}`, { place: { file }, cause });
  }
}
