import { z } from 'zod';
import { notifyConfigSchema } from '../notify/NotifyConfig.js';

/** The config file (`duban.config.yaml|json`, `.dubanrc`), found from the working folder up. */
export const configSchema = z.strictObject({
  /** SQLite file path or postgres:// URL. */
  db: z.string().min(1).optional(),
  /** The person CLI actions are taken as when `--as` is not given. */
  person: z.string().min(1).optional(),
  lang: z.enum(['zh-CN', 'en']).optional(),
  timeZone: z.string().min(1).optional(),
  /** Extra plugins: file paths (relative to the config file) or package names. */
  plugins: z.array(z.string().min(1)).optional(),
  /** Per-plugin settings, by plugin id. */
  pluginConfig: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  lateAfterMs: z.number().int().min(0).optional(),
  pollIntervalMs: z.number().int().min(50).optional(),
  /** `serve`'s daily backup: the folder (relative to the config file) and how many to keep (default 7). */
  backup: z.strictObject({ dir: z.string().min(1), keep: z.number().int().min(1).optional() }).optional(),
  /** Notification channels: default channels and webhooks (WeCom, DingTalk, JSON). */
  notify: notifyConfigSchema.optional(),
  /** Audit anchors: where this machine's signing key and the anchors file are, and whose public keys to trust. */
  audit: z
    .strictObject({
      keyFile: z.string().min(1).optional(),
      anchorsFile: z.string().min(1).optional(),
      /** Names of `notify.webhooks` that receive a copy of each anchor (an off-machine store, not a chat group). */
      webhooks: z.array(z.string().min(1)).optional(),
      trustedKeys: z.array(z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a key id as `duban audit keys` prints it'), publicKey: z.string().includes('BEGIN PUBLIC KEY') })).optional(),
    })
    .optional(),
});

/** A loaded config, with the folder it came from (for relative paths). */
export interface DubanConfig extends z.infer<typeof configSchema> {
  readonly configDir: string;
  readonly configFile?: string;
}
