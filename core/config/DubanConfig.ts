import * as z from '../util/zod.js';
import { notifyConfigSchema } from '../notify/NotifyConfig.js';

/** How many PostgreSQL connections a process keeps, and how long a statement may run. */
export const postgresConfigSchema = z.strictObject({
  /** Connections in the pool of one process. Default 5. */
  poolSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))),
  /** PostgreSQL's `statement_timeout`: a statement running longer is cancelled. Default none. */
  statementTimeoutMs: z.optional(z.number().check(z.int(), z.gte(1))),
  /** An idle pooled connection is closed after this long. Default 10 000. */
  idleTimeoutMs: z.optional(z.number().check(z.int(), z.gte(0))),
});

/**
 * A config file (`duban.config.yaml|json`, `.dubanrc`). See loadConfig for where they are
 * found and how the folder's, the user's and the system-wide file are merged.
 */
export const configSchema = z.strictObject({
  /** SQLite file path or postgres:// URL. */
  db: z.optional(z.string().check(z.minLength(1))),
  /** The person CLI actions are taken as when `--as` is not given. */
  person: z.optional(z.string().check(z.minLength(1))),
  lang: z.optional(z.enum(['zh-CN', 'en'])),
  timeZone: z.optional(z.string().check(z.minLength(1))),
  /** Extra plugins: file paths (relative to the config file) or package names. */
  plugins: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Per-plugin settings, by plugin id. */
  pluginConfig: z.optional(z.record(z.string(), z.record(z.string(), z.unknown()))),
  lateAfterMs: z.optional(z.number().check(z.int(), z.gte(0))),
  pollIntervalMs: z.optional(z.number().check(z.int(), z.gte(50))),
  /** `duban health`: how long a `serve` worker may go without a pass before it is silent. */
  workerSilentAfterMs: z.optional(z.number().check(z.int(), z.gte(1000))),
  /** `duban health`: how long a due outbox row may wait before it is late. */
  outboxLateAfterMs: z.optional(z.number().check(z.int(), z.gte(1000))),
  /** The level of `serve`'s log (`DUBAN_LOG` overrides it); reloaded on SIGHUP. Default info. */
  logLevel: z.optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])),
  /** PostgreSQL connection pool (ignored on SQLite). */
  postgres: z.optional(postgresConfigSchema),
  /** How long a plugin's import and its `register()` may each take before it is disabled (ms). */
  pluginLoadTimeoutMs: z.optional(z.number().check(z.int(), z.gte(1))),
  /** How long a send without `--revision` keeps retrying when another writer changed the instance first (ms). */
  plainSendRetryMs: z.optional(z.number().check(z.int(), z.gte(0))),
  /** `serve`'s daily backup: the folder (relative to the config file) and how many to keep (default 7). */
  backup: z.optional(z.strictObject({ dir: z.string().check(z.minLength(1)), keep: z.optional(z.number().check(z.int(), z.gte(1))) })),
  /** Notification channels: default channels and webhooks (WeCom, DingTalk, JSON). */
  notify: z.optional(notifyConfigSchema),
  /** Audit anchors: where this machine's signing key and the anchors file are, and whose public keys to trust. */
  audit: z.optional(
    z.strictObject({
      keyFile: z.optional(z.string().check(z.minLength(1))),
      anchorsFile: z.optional(z.string().check(z.minLength(1))),
      /** Names of `notify.webhooks` that receive a copy of each anchor (an off-machine store, not a chat group). */
      webhooks: z.optional(z.array(z.string().check(z.minLength(1)))),
      trustedKeys: z.optional(
        z.array(z.strictObject({ id: z.string().check(z.regex(/^[0-9a-f]{16}$/, 'a key id as `duban audit keys` prints it')), publicKey: z.string().check(z.includes('BEGIN PUBLIC KEY')) })),
      ),
    }),
  ),
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
