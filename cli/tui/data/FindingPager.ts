import type { FindingSummary } from '../../../core/findings/Finding.js';

/** Reads one page of a list: `limit` rows from `offset`. */
export type PageReader = (offset: number, limit: number) => Promise<FindingSummary[]>;

/** Rows of a list kept in pages; at most {@link FindingPager.maxPages} are kept. */
export const PAGE_SIZE = 50;

/**
 * A page cache over a list too long to hold (100 000 findings): rows are read
 * `PAGE_SIZE` at a time with limit/offset, on demand, around the window being shown.
 * Reading never blocks a frame: a row not loaded yet is `undefined` (drawn as a
 * placeholder) and `onLoad` asks for a redraw when its page arrives.
 *
 * `refresh()` re-reads the pages in view and swaps them in when they arrive, so a live
 * update never blanks the list.
 */
export class FindingPager {
  readonly maxPages = 40;
  #pages = new Map<number, readonly FindingSummary[]>();
  #loading = new Map<number, Promise<void>>();
  #generation = 0;

  constructor(
    private readonly read: PageReader,
    private readonly onLoad: () => void,
  ) {}

  /** The row at `index`, if its page is loaded. */
  rowAt(index: number): FindingSummary | undefined {
    return this.#pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /**
   * Makes sure rows `from`..`to` (inclusive) will be loaded, plus one page either side
   * so moving on does not wait. Resolves when they are.
   */
  async ensure(from: number, to: number): Promise<void> {
    const first = Math.max(0, Math.floor(from / PAGE_SIZE) - 1);
    const last = Math.floor(Math.max(from, to) / PAGE_SIZE) + 1;
    const waits: Promise<void>[] = [];
    for (let page = first; page <= last; page++) if (!this.#pages.has(page)) waits.push(this.load(page, this.#generation));
    this.evict(first, last);
    await Promise.all(waits);
  }

  /** Re-reads the loaded pages around `from`..`to`, dropping the others; rows stay on screen until the new ones arrive. */
  async refresh(from: number, to: number): Promise<void> {
    const generation = ++this.#generation;
    this.#loading.clear();
    const first = Math.max(0, Math.floor(from / PAGE_SIZE) - 1);
    const last = Math.floor(Math.max(from, to) / PAGE_SIZE) + 1;
    const fresh = new Map<number, readonly FindingSummary[]>();
    await Promise.all(
      Array.from({ length: last - first + 1 }, async (_, i) => {
        const page = first + i;
        fresh.set(page, await this.read(page * PAGE_SIZE, PAGE_SIZE));
      }),
    );
    if (generation !== this.#generation) return;
    this.#pages = fresh;
    this.onLoad();
  }

  private load(page: number, generation: number): Promise<void> {
    const pending = this.#loading.get(page);
    if (pending) return pending;
    const promise = this.read(page * PAGE_SIZE, PAGE_SIZE).then(
      (rows) => {
        this.#loading.delete(page);
        if (generation !== this.#generation) return;
        this.#pages.set(page, rows);
        this.onLoad();
      },
      (error: unknown) => {
        this.#loading.delete(page);
        throw error;
      },
    );
    this.#loading.set(page, promise);
    return promise;
  }

  /** Keeps memory flat however far one scrolls: the pages farthest from the window go first. */
  private evict(first: number, last: number): void {
    if (this.#pages.size <= this.maxPages) return;
    const far = [...this.#pages.keys()].sort((a, b) => distance(b, first, last) - distance(a, first, last));
    for (const page of far.slice(0, this.#pages.size - this.maxPages)) this.#pages.delete(page);
  }
}

function distance(page: number, first: number, last: number): number {
  return page < first ? first - page : page > last ? page - last : 0;
}
