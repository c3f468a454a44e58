import type { FindingSummary } from '../../../core/findings/Finding.js';
import type { FindingFilter } from '../../../core/findings/FindingQueries.js';

/**
 * Where one page's rows come from: `limit` rows from an offset, next to a row already
 * read (`after`, `before`), or counted from the list's end (`fromEnd`).
 */
export type PageRequest = Required<Pick<FindingFilter, 'limit'>> & Pick<FindingFilter, 'offset' | 'after' | 'before' | 'fromEnd'>;

/** Reads one page of a list. */
export type PageReader = (request: PageRequest) => Promise<FindingSummary[]>;

/** Rows of a list kept in pages; at most {@link FindingPager.maxPages} are kept. */
export const PAGE_SIZE = 50;

type Pages = Map<number, readonly FindingSummary[]>;

/**
 * A page cache over a list too long to hold (100 000 findings), read `PAGE_SIZE` rows
 * at a time, on demand, around the window being shown. Reading never blocks a frame: a
 * row not loaded yet is `undefined` (drawn as a placeholder) and `onLoad` asks for a
 * redraw when its page arrives.
 *
 * A page is read next to a neighbouring page already held (a keyset read), or else from
 * whichever end of the list is nearer: an offset 100 000 rows down makes the database
 * count past every one of them, a quarter of a second a page, and SQLite answers on the
 * console's only thread. Pages are read one after another for the same reason, each
 * seeking from the one before.
 *
 * `refresh()` re-reads the pages in view and swaps them in when they arrive, so a live
 * update never blanks the list.
 */
export class FindingPager {
  #pages: Pages = new Map();
  #loading = new Map<number, Promise<void>>();
  #generation = 0;
  #total: number | undefined;

  constructor(
    private readonly read: PageReader,
    private readonly onLoad: () => void,
    /** Pages kept at most: 40 pages are 2,000 rows, far more than a screen. */
    readonly maxPages = 40,
  ) {}

  /** The row at `index`, if its page is loaded. */
  rowAt(index: number): FindingSummary | undefined {
    return this.#pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /**
   * Makes sure rows `from`..`to` (inclusive) will be loaded, plus one page either side
   * so moving on does not wait. Resolves when they are. `total`, the list's length when
   * known, lets pages near the end be read from the end.
   */
  async ensure(from: number, to: number, total?: number): Promise<void> {
    if (total !== undefined) this.#total = total;
    const pages = this.around(from, to).filter((page) => !this.#pages.has(page));
    this.evict(from, to);
    const generation = this.#generation;
    for (const page of pages) await this.load(page, generation);
  }

  /** Re-reads the loaded pages around `from`..`to`, dropping the others; rows stay on screen until the new ones arrive. */
  async refresh(from: number, to: number, total?: number): Promise<void> {
    if (total !== undefined) this.#total = total;
    const generation = ++this.#generation;
    this.#loading.clear();
    const fresh: Pages = new Map();
    for (const page of this.around(from, to)) {
      fresh.set(page, await this.read(this.request(page, fresh)));
      if (generation !== this.#generation) return;
    }
    this.#pages = fresh;
    this.onLoad();
  }

  /**
   * The pages of rows `from`..`to` and one either side, in the order to read them: from
   * the top down, or from the bottom up when the end of the list is nearer.
   */
  private around(from: number, to: number): number[] {
    const first = Math.max(0, Math.floor(from / PAGE_SIZE) - 1);
    // Past the end there is nothing to read (and an offset there would count every row).
    const end = this.#total === undefined ? Infinity : Math.max(0, Math.ceil(this.#total / PAGE_SIZE) - 1);
    const last = Math.min(end, Math.floor(Math.max(from, to) / PAGE_SIZE) + 1);
    const pages = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
    const nearerEnd = this.#total !== undefined && this.#total - last * PAGE_SIZE < first * PAGE_SIZE;
    return nearerEnd ? pages.reverse() : pages;
  }

  /** How to read `page`, given the pages in `held`. */
  private request(page: number, held: Pages): PageRequest {
    const limit = PAGE_SIZE;
    const previous = held.get(page - 1);
    if (previous?.length === PAGE_SIZE) return { after: keyOf(previous.at(-1)!), limit };
    const next = held.get(page + 1);
    if (next !== undefined && next.length > 0) return { before: keyOf(next[0]!), limit };
    const total = this.#total;
    const start = page * PAGE_SIZE;
    if (total !== undefined && start < total) {
      const end = Math.min(total, start + PAGE_SIZE);
      if (total - end < start) return { fromEnd: true, offset: total - end, limit: end - start };
    }
    return { offset: start, limit };
  }

  private load(page: number, generation: number): Promise<void> {
    const pending = this.#loading.get(page);
    if (pending) return pending;
    const promise = this.read(this.request(page, this.#pages)).then(
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
  private evict(from: number, to: number): void {
    if (this.#pages.size <= this.maxPages) return;
    const first = Math.floor(from / PAGE_SIZE);
    const last = Math.floor(to / PAGE_SIZE);
    const far = [...this.#pages.keys()].sort((a, b) => distance(b, first, last) - distance(a, first, last));
    for (const page of far.slice(0, this.#pages.size - this.maxPages)) this.#pages.delete(page);
  }
}

function keyOf(row: FindingSummary) {
  return { openedAt: row.openedAt, id: row.id };
}

function distance(page: number, first: number, last: number): number {
  return page < first ? first - page : page > last ? page - last : 0;
}
