import type { Clock } from '../clock/Clock.js';
import { postWebhook } from '../notify/postWebhook.js';
import type { WebhookConfig } from '../notify/NotifyConfig.js';
import type { Logger } from '../runtime/Logger.js';
import type { Store } from '../store/Store.js';
import type { AuditAnchor, TrustedKey } from './AuditAnchor.js';
import { loadAnchorKey, type AnchorKey } from './anchorKey.js';
import { orgImportedSince } from './orgImportedSince.js';
import { appendAnchor, readAnchors } from './anchorsFile.js';
import { signAnchor } from './signAnchor.js';
import { verifyAnchors, type AnchorVerification } from './verifyAnchors.js';

/** Where anchors are kept and whose keys are believed. */
export interface AnchorSettings {
  /** This machine's signing key (PKCS#8 PEM), created on first use. */
  readonly keyFile: string;
  /** The anchors file: one JSON anchor a line. */
  readonly anchorsFile: string;
  /** Other machines' public keys (workers, the office); this machine's own is always trusted. */
  readonly trustedKeys?: readonly TrustedKey[];
  /** Webhooks that receive a copy of each anchor, so one lives off the machine. */
  readonly webhooks?: readonly WebhookConfig[];
}

/** What `anchor()` did. */
export interface AnchorResult {
  readonly anchor: AuditAnchor;
  readonly file: string;
  readonly delivered: readonly string[];
  readonly failed: readonly { readonly webhook: string; readonly error: string }[];
}

/** How often `serve` anchors at the least. */
export const ANCHOR_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Anchors of the audit log outside the database: signs the head, appends it to the
 * anchors file and posts it to the webhooks; verifies a log against anchors; and tells
 * `serve` when an anchor is due (daily, and after an org import).
 */
export class AnchorService {
  #key: AnchorKey | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    readonly settings: AnchorSettings,
  ) {}

  /** This machine's key, created on first use. @throws DubanError `AUDIT_KEY_UNREADABLE`. */
  key(): AnchorKey {
    this.#key ??= loadAnchorKey(this.settings.keyFile);
    return this.#key;
  }

  /** Every key an anchor may be signed with: this machine's and the configured ones. */
  trusted(): TrustedKey[] {
    return [this.key().publicKey, ...(this.settings.trustedKeys ?? [])];
  }

  /** Signs the current head, appends it to the anchors file, posts it to the webhooks. */
  async anchor(): Promise<AnchorResult> {
    const head = await this.store.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    const anchor = signAnchor(this.key(), { seq: Number(head.seq), hash: head.hash }, this.clock.now());
    appendAnchor(this.settings.anchorsFile, anchor);
    const delivered: string[] = [];
    const failed: { webhook: string; error: string }[] = [];
    for (const hook of this.settings.webhooks ?? []) {
      try {
        await postWebhook(hook, {
          id: `anchor-${anchor.seq}-${anchor.at}`,
          at: anchor.at,
          to: { role: 'office' },
          recipients: [],
          message: { 'zh-CN': `督办审计日志锚点：${JSON.stringify(anchor)}`, en: `duban audit anchor: ${JSON.stringify(anchor)}` },
          instanceId: null,
          schedule: null,
        });
        delivered.push(hook.name);
      } catch (error) {
        failed.push({ webhook: hook.name, error: (error as Error).message });
        this.logger.warn({ webhook: hook.name, err: error }, 'audit anchor not delivered to a webhook; it is in the anchors file');
      }
    }
    return { anchor, file: this.settings.anchorsFile, delivered, failed };
  }

  /** Checks the log against the anchors of `file` (the configured anchors file by default). */
  async verify(file = this.settings.anchorsFile): Promise<AnchorVerification> {
    return verifyAnchors(this.store.db, readAnchors(file), this.trusted());
  }

  /** The last anchor of the anchors file, or undefined when none was made yet. @throws DubanError `INPUT_INVALID` for a line that is not an anchor. */
  last(): AuditAnchor | undefined {
    const anchors = readAnchors(this.settings.anchorsFile);
    return anchors[anchors.length - 1]?.anchor;
  }

  /** Anchors when the last anchor is a day old (or there is none), or an org import came after it. */
  async anchorIfDue(): Promise<AnchorResult | undefined> {
    const last = this.last();
    const now = this.clock.now().getTime();
    const stale = !last || now - new Date(last.at).getTime() >= ANCHOR_EVERY_MS;
    const orgChanged =
      last !== undefined &&
      (await orgImportedSince(this.store.db, last.seq).executeTakeFirst()) !== undefined;
    return stale || orgChanged ? this.anchor() : undefined;
  }
}
