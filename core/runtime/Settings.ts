/** Engine settings from the config file, with their defaults. */
export interface Settings {
  /** IANA time zone for calendar durations and schedules. Default `Asia/Shanghai`. */
  readonly timeZone: string;
  /** A timer fired more than this many ms after its due instant is marked late. Default 5000. */
  readonly lateAfterMs: number;
  /** How often `serve` looks for due timers and outbox rows. Default 1000 ms. */
  readonly pollIntervalMs: number;
  /** `duban health`: a `serve` worker without a completed pass for longer is silent (unhealthy). Default 60000; keep it above a few poll intervals. */
  readonly workerSilentAfterMs: number;
  /** `duban health`: an outbox row due for longer than this, not picked up, is unhealthy. Default 60000. */
  readonly outboxLateAfterMs: number;
  /** How long a send without an expected revision keeps retrying a lost compare-and-set (another writer won). Default 10 000 ms. */
  readonly plainSendRetryMs: number;
  /** How long a plugin's import and its `register()` may each take before the plugin is disabled (`PLUGIN_TIMEOUT`). Default 5000 ms. */
  readonly pluginLoadTimeoutMs: number;
  /** How long a claimed outbox row stays claimed before another process may take it. */
  readonly leaseMs: number;
  /** How long a finding may stay open, by severity (ISO 8601). Defaults: critical PT24H, major P3D, minor P7D. */
  readonly findingDue: Readonly<Record<'minor' | 'major' | 'critical', string>>;
  /** When a closed finding's effectiveness is re-checked, by category; `default` for the rest. */
  readonly recheckAfter: Readonly<Record<string, string>>;
}

export const DEFAULT_SETTINGS: Settings = {
  timeZone: 'Asia/Shanghai',
  lateAfterMs: 5000,
  pollIntervalMs: 1000,
  workerSilentAfterMs: 60_000,
  outboxLateAfterMs: 60_000,
  leaseMs: 60_000,
  plainSendRetryMs: 10_000,
  pluginLoadTimeoutMs: 5000,
  findingDue: { critical: 'PT24H', major: 'P3D', minor: 'P7D' },
  recheckAfter: { default: 'P30D' },
};
