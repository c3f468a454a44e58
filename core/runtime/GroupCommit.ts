import type { ActorLike } from '../actor/Actor.js';
import type { BatchEvent, Engine, SendOptions } from './Engine.js';
import type { SendResult } from './InstanceView.js';

interface Waiting {
  readonly event: BatchEvent;
  resolve(result: SendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for concurrent senders: {@link send} is {@link Engine.send} for the caller,
 * but events that arrive while a batch is committing wait and go together in the next
 * {@link Engine.sendBatch}, one transaction and one disk flush for all of them. A caller's
 * promise settles only after its batch committed, with its own result or error.
 */
export class GroupCommit {
  readonly #waiting: Waiting[] = [];
  #running = false;
  /** How many batches were committed (or failed) so far: events per batch is what batching bought. */
  batches = 0;

  constructor(
    private readonly engine: Engine,
    private readonly maxBatch = 64,
  ) {}

  /** Sends one event in the next batch; resolves once that batch is on disk. */
  send(instanceId: string, event: BatchEvent['event'], actor: ActorLike, options?: SendOptions): Promise<SendResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ event: { instanceId, event, actor, options }, resolve, reject });
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (;;) {
        // Let every sender that is ready (a batch's callers, just told "done") queue its next event first.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.#waiting.splice(0, this.maxBatch);
        if (batch.length === 0) return;
        this.batches++;
        try {
          const outcomes = await this.engine.sendBatch(batch.map((w) => w.event));
          outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.result) : batch[i]!.reject(outcome.error)));
        } catch (error) {
          // The commit itself failed: no event of the batch is on disk.
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.#running = false;
    }
  }
}
