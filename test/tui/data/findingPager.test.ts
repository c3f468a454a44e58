import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../../../core/findings/Finding.js';
import type { FindingFilter } from '../../../core/findings/FindingQueries.js';
import { FindingPager, PAGE_SIZE, type PageRequest } from '../../../cli/tui/data/FindingPager.js';
import { bulkSeedFindings } from '../../../bench/seed/bulkSeedFindings.js';
import { createDuban, type Duban } from '../../../core/index.js';
import { builtinPlugins } from '../../../plugins/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';

const COUNT = 1_000;

describe('FindingPager on a real list of 1,000 findings', () => {
  let database: TestDatabase;
  let duban: Duban;
  let all: FindingSummary[];
  const filter: FindingFilter = { status: 'active' };
  let requests: PageRequest[];
  const pager = (maxPages?: number) => {
    requests = [];
    let loads = 0;
    const p = new FindingPager(
      (request) => {
        requests.push(request);
        return duban.findingQueries.list({ ...filter, ...request });
      },
      () => loads++,
      maxPages,
    );
    return { p, loads: () => loads };
  };
  const window = (p: FindingPager, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => p.rowAt(from + i)?.id);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await bulkSeedFindings(database.target, { count: COUNT, seed: 7 });
    duban = await createDuban({ db: database.target, plugins: builtinPlugins });
    all = await duban.findingQueries.list({ ...filter, limit: COUNT });
  }, 120_000);
  afterAll(async () => {
    await duban?.close();
    await database?.drop();
  });

  it('reads the first pages from the top, each after the one before', async () => {
    const { p, loads } = pager();
    await p.ensure(0, 30, all.length);
    expect(window(p, 0, 99)).toEqual(all.slice(0, 100).map((f) => f.id));
    expect(requests).toEqual([{ offset: 0, limit: PAGE_SIZE }, { after: { openedAt: all[49]!.openedAt, id: all[49]!.id }, limit: PAGE_SIZE }]);
    expect(loads()).toBe(2);
  });

  it('reads the last pages from the end, without counting past the rows above', async () => {
    const { p } = pager();
    const n = all.length;
    await p.ensure(n - 30, n - 1, n);
    expect(window(p, n - 60, n - 1)).toEqual(all.slice(n - 60).map((f) => f.id));
    expect(requests.every((r) => r.offset === undefined || r.fromEnd === true)).toBe(true);
    expect(requests[0]).toMatchObject({ fromEnd: true, offset: 0 });
    // Nothing is read past the end.
    expect(p.rowAt(n)).toBeUndefined();
  });

  it('moving a page down reads the next page by key', async () => {
    const { p } = pager();
    await p.ensure(0, 30, all.length);
    requests.length = 0;
    // Rows 75..105 are pages 1 and 2, and one page either side: pages 2 and 3 are new.
    await p.ensure(75, 105, all.length);
    const key = (i: number) => ({ openedAt: all[i]!.openedAt, id: all[i]!.id });
    expect(requests).toEqual([
      { after: key(99), limit: PAGE_SIZE },
      { after: key(149), limit: PAGE_SIZE },
    ]);
    expect(window(p, 0, 199)).toEqual(all.slice(0, 200).map((f) => f.id));
  });

  it('refresh re-reads the window and swaps it in whole', async () => {
    const { p, loads } = pager();
    await p.ensure(500, 530, all.length);
    const before = loads();
    await p.refresh(500, 530, all.length);
    expect(loads()).toBe(before + 1);
    expect(window(p, 450, 599)).toEqual(all.slice(450, 600).map((f) => f.id));
  });

  it('keeps at most maxPages pages however far one scrolls', async () => {
    const { p } = pager(5);
    for (let top = 0; top < all.length; top += 20) await p.ensure(top, top + 30, all.length);
    const held = Array.from({ length: Math.ceil(all.length / PAGE_SIZE) }, (_, page) => p.rowAt(page * PAGE_SIZE) !== undefined).filter(Boolean).length;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(5);
    expect(window(p, all.length - 40, all.length - 1)).toEqual(all.slice(-40).map((f) => f.id));
  });
});
