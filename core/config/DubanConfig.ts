import { z } from 'zod';
import { notifyConfigSchema } from '../notify/NotifyConfig.js';

/** How many PostgreSQL connections a process keeps, and how long a statement may run. */
export const postgresConfigSchema = z.strictObject({
  /** Connections in the pool of one process. Default 5. */
  poolSize: z.number().int().min(1).max(1000).optional(),
  /** PostgreSQL's `statement_timeout`: a statement running longer is cancelled. Default none. */
  statementTimeoutMs: z.number().int().min(1).optional(),
  /** An idle pooled connection is closed after this long. Default 10 000. */
  idleTimeoutMs: z.number().int().min(0).optional(),
});

/**
 * A config file (`duban.config.yaml|json`, `.dubanrc`). See loadConfig for where they are
 * found and how the folder's, the user's and the system-wide file are merged.
 */
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
  /** `duban health`: how long a `serve` worker may go without a pass before it is silent. */
  workerSilentAfterMs: z.number().int().min(1000).optional(),
  /** `duban health`: how long a due outbox row may wait before it is late. */
  outboxLateAfterMs: z.number().int().min(1000).optional(),
  /** The level of `serve`'s log (`DUBAN_LOG` overrides it); reloaded on SIGHUP. Default info. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).optional(),
  /** PostgreSQL connection pool (ignored on SQLite). */
  postgres: postgresConfigSchema.optional(),
  /** How long a plugin's import and its `register()` may each take before it is disabled (ms). */
  pluginLoadTimeoutMs: z.number().int().min(1).optional(),
  /** How long a send without `--revision` keeps retrying when another writer changed the instance first (ms). */
  plainSendRetryMs: z.number().int().min(0).optional(),
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

/** The `postgres` section of the config. */
export type PostgresConfig = z.infer<typeof postgresConfigSchema>;

/**
 * A loaded config: the files merged, their relative paths (`db`, `audit.keyFile`,
 * `audit.anchorsFile`) made absolute against the folder of the file that gave them.
 */
export interface DubanConfig extends z.infer<typeof configSchema> {
  /** The folder's config file's folder (else the working folder). */
  readonly configDir: string;
  /** The folder's config file (or the one named by `--config`/`DUBAN_CONFIG`), where `plugins new` adds to. */
  readonly configFile?: string;
  /** Every file merged, the farthest (system-wide) first. */
  readonly configFiles?: readonly string[];
  /** The folder `plugins` entries are resolved from: that of the file that gave them. */
  readonly pluginsDir?: string;
}
