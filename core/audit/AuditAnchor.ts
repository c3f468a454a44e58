/**
 * A checkpoint of the audit log kept outside the database: the head's `(seq, hash)` at
 * `at`, signed (Ed25519) by the key `keyId`. As long as a copy survives (the anchors file,
 * a webhook's receiver), `audit verify --anchors` proves the log still holds that row.
 */
export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly keyId: string;
  /** Base64 Ed25519 signature of the canonical JSON of the four fields above. */
  readonly sig: string;
}

/** A public key that anchors may be signed with: this machine's, a worker's, the office's. */
export interface TrustedKey {
  readonly id: string;
  /** SPKI PEM. */
  readonly publicKey: string;
}
