/** Engine settings from the config file, with their defaults. */
export interface Settings {
  /** IANA time zone for calendar durations and schedules. Default `Asia/Shanghai`. */
  readonly timeZone: string;
  /** A timer fired more than this many ms after its due instant is marked late. Default 5000. */
  readonly lateAfterMs: number;
  /** How often `serve` looks for due timers and outbox rows. Default 1000 ms. */
  readonly pollIntervalMs: number;
  /** How long a claimed outbox row stays claimed before another process may take it. */
  readonly leaseMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  timeZone: 'Asia/Shanghai',
  lateAfterMs: 5000,
  pollIntervalMs: 1000,
  leaseMs: 60_000,
};
