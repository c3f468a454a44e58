import type { Db } from '../store/Store.js';
import type { TrustedKey } from './AuditAnchor.js';
import type { AnchorLine } from './anchorsFile.js';
import { anchorSignatureHolds } from './signAnchor.js';

/** Why an anchor does not hold. Message keys live under `anchor.` in the locales. */
export type AnchorProblem = 'unknownKey' | 'badSignature' | 'missing' | 'mismatch' | 'ahead';

/** The outcome of {@link verifyAnchors}: a value, never a throw. */
export type AnchorVerification =
  | { readonly ok: true; readonly anchors: number }
  | { readonly ok: false; readonly anchors: number; readonly line: number; readonly seq: number; readonly problem: AnchorProblem };

/**
 * Checks each anchor, in file order: signed by a trusted key, its `seq` still in the log
 * holding its `hash`, and not ahead of the head. The first that fails is named, with the
 * row it points at: for an anchor ahead of the head (the log was cut back), the first
 * row missing.
 */
export async function verifyAnchors(db: Db, anchors: readonly AnchorLine[], trusted: readonly TrustedKey[]): Promise<AnchorVerification> {
  const keys = new Map(trusted.map((k) => [k.id, k]));
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  const fail = (line: number, seq: number, problem: AnchorProblem): AnchorVerification => ({ ok: false, anchors: anchors.length, line, seq, problem });
  for (const { line, anchor } of anchors) {
    const key = keys.get(anchor.keyId);
    if (!key) return fail(line, anchor.seq, 'unknownKey');
    if (!anchorSignatureHolds(anchor, key)) return fail(line, anchor.seq, 'badSignature');
    if (anchor.seq === 0) continue;
    if (anchor.seq > headSeq) return fail(line, headSeq + 1, 'ahead');
    const row = await db.selectFrom('audit_log').select(['hash']).where('seq', '=', anchor.seq).executeTakeFirst();
    if (!row) return fail(line, anchor.seq, 'missing');
    if (row.hash !== anchor.hash) return fail(line, anchor.seq, 'mismatch');
  }
  return { ok: true, anchors: anchors.length };
}
