/**
 * The only way core code reads the time. Machines never read it at all: the instant of
 * an event travels inside the event. Tests register a {@link ManualClock} instead.
 */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that moves only when told to; for tests and simulations (the demo history). */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: Date | string | number) {
    this.#now = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** Sets the clock to an instant. */
  set(to: Date | string | number): void {
    this.#now = new Date(to).getTime();
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#now += ms;
  }
}

/**
 * The wall clock shifted so that it read `start` when created, then runs on. `DUBAN_NOW`
 * uses it: a simulation or a test can say "it is now 2026-03-02T09:00+08:00" and timers
 * still fire as time passes.
 */
export class OffsetClock implements Clock {
  readonly #offset: number;

  constructor(start: Date | string) {
    this.#offset = new Date(start).getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.#offset);
  }
}
