import { DubanError } from '../core/errors/DubanError.js';
import type { Duban } from '../core/container/createDuban.js';
import type { ManualClock } from '../core/clock/Clock.js';

interface Step {
  readonly at: number;
  readonly seq: number;
  readonly label: string;
  readonly run: () => Promise<void>;
  readonly watched: boolean;
}

const OUTBOX_RETRY_EVERY_MS = 24 * 3_600_000;

/** Runs after a step with the instant of the step (ISO), to notice what the engine did. */
export type StepHook = (since: string) => Promise<void>;

/** Options of {@link DemoTimeline.at}. */
export interface StepOptions {
  /**
   * The step may make the engine open or reopen findings or start meetings, so the hooks
   * look afterwards. Off by default: the hooks' queries are the timeline's main cost.
   */
  readonly watched?: boolean;
}

/**
 * The demo's time machine: a queue of things people do at given instants, played in
 * order on a {@link ManualClock}. Between them the clock stops at every timer's due
 * instant and fires it, so SLA breaches, escalations, re-checks and effectiveness checks
 * happen when the engine says, not when the demo guesses. Nothing at or after `end`
 * happens: that is the future.
 */
export class DemoTimeline {
  readonly #heap: Step[] = [];
  readonly #hooks: { readonly hook: StepHook; readonly afterTimers: boolean }[] = [];
  #seq = 0;
  #outboxRunAt = -Infinity;

  constructor(
    private readonly duban: Duban,
    private readonly clock: ManualClock,
    readonly end: Date,
  ) {}

  /** The instant the clock shows. */
  now(): Date {
    return this.clock.now();
  }

  /** Plans `run` at `at` (never before now); dropped when `at` is not before the end. */
  at(at: Date, label: string, run: () => Promise<void>, options: StepOptions = {}): void {
    const time = Math.max(at.getTime(), this.clock.now().getTime());
    if (time >= this.end.getTime()) return;
    this.push({ at: time, seq: this.#seq++, label, run, watched: options.watched === true });
  }

  /** Adds a hook that runs after every watched step, and after every timer pass when `afterTimers`. */
  onStep(hook: StepHook, options: { afterTimers: boolean }): void {
    this.#hooks.push({ hook, afterTimers: options.afterTimers });
  }

  /**
   * Plays every step and timer before the end, then sets the clock to the end and fires
   * what is due at that instant.
   *
   * @throws DubanError `INTERNAL` naming the step that failed, with the engine's error as cause.
   */
  async run(): Promise<void> {
    for (;;) {
      const step = this.#heap[0];
      const timer = (await this.duban.timers.nextDue())?.getTime();
      const next = Math.min(step?.at ?? Infinity, timer ?? Infinity);
      if (next >= this.end.getTime()) break;
      this.clock.set(Math.max(next, this.clock.now().getTime()));
      const since = this.clock.now().toISOString();
      if (timer !== undefined && timer <= next) {
        await this.fireTimers(since);
        await this.afterStep(since, 'timers');
      } else {
        const step = this.pop()!;
        await this.runStep(step);
        await this.afterStep(since, step.watched ? 'watched' : 'quiet');
      }
    }
    this.clock.set(this.end);
    await this.duban.timers.fireDue();
    this.#outboxRunAt = -Infinity;
    await this.afterStep(this.end.toISOString(), 'timers');
  }

  private async fireTimers(at: string): Promise<void> {
    const pass = await this.duban.timers.fireDue();
    // Only another process on the same database could hold a due timer back; the demo
    // database is its own, so a pass that moves nothing would loop forever.
    if (pass.fired + pass.void === 0) throw new DubanError('INTERNAL', `demo: a timer due at ${at} did not fire; is another process using the demo database?`);
  }

  private async runStep(step: Step): Promise<void> {
    try {
      await step.run();
    } catch (cause) {
      throw new DubanError('INTERNAL', `demo step "${step.label}" at ${new Date(step.at).toISOString()} failed: ${(cause as Error).message}`, { cause });
    }
  }

  private async afterStep(since: string, kind: 'timers' | 'watched' | 'quiet'): Promise<void> {
    // Rows whose first dispatch failed are retried, as `serve` would, but once a day of
    // story time: every row is dispatched right after its commit, so this finds little.
    const now = this.clock.now().getTime();
    if (now - this.#outboxRunAt >= OUTBOX_RETRY_EVERY_MS) {
      this.#outboxRunAt = now;
      await this.duban.outbox.runDue();
    }
    for (const { hook, afterTimers } of this.#hooks) {
      if (kind === 'watched' || (kind === 'timers' && afterTimers)) await hook(since);
    }
  }

  private push(step: Step): void {
    const heap = this.#heap;
    heap.push(step);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Step | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Step, b: Step): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
