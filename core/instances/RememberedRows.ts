import type { InstanceRow } from './toInstanceView.js';

/**
 * The instance rows one engine committed last, by id, the most recent `max` of them. Its
 * next step on one of them may start from the row it wrote instead of reading it again:
 * every writer of an instance advances its revision, and the step's compare-and-set on
 * that revision tells whether the row still holds. Only committed rows are remembered;
 * each is a frozen copy, so nobody who was handed the row can change the remembered one.
 */
export class RememberedRows {
  readonly #rows = new Map<string, Readonly<InstanceRow>>();

  constructor(private readonly max = 256) {}

  /** The row as this engine last committed it, or undefined. */
  recall(id: string): Readonly<InstanceRow> | undefined {
    return this.#rows.get(id);
  }

  /** Keeps `row` as committed, in place of any older one of the same instance. */
  remember(row: InstanceRow): void {
    this.#rows.delete(row.id);
    this.#rows.set(row.id, Object.freeze({ ...row }));
    if (this.#rows.size > this.max) this.#rows.delete(this.#rows.keys().next().value as string);
  }

  /** Drops the row of `id`: another writer moved it on. */
  forget(id: string): void {
    this.#rows.delete(id);
  }
}
