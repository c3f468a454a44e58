import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingFilter } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

// Rows written straight into the read model (the list reads nothing else), with many
// findings opened at the same instant: ties are where a keyset read goes wrong.
const COUNT = 230;
const openedAt = (i: number) => `2026-03-0${1 + (i % 3)}T0${i % 5}:00:00.000Z`;

describe.each(DIALECTS)('finding pages by key and from the end (%s)', (dialect) => {
  let duban: TestDuban;
  let all: string[];
  const active: FindingFilter = { status: 'active' };

  beforeAll(async () => {
    duban = await startTestDuban(dialect);
    await duban.store.db
      .insertInto('findings')
      .values(
        Array.from({ length: COUNT }, (_, i) => ({
          id: `f-${String((i * 7919) % 1000).padStart(3, '0')}-${i}`,
          department_id: i % 2 ? 'CT' : 'ER',
          subject: 'x',
          subject_kind: 'department',
          category: 'duty.absent',
          severity: 'minor',
          title_zh: '离岗',
          title_en: 'Away from post',
          status: i % 10 === 0 ? 'closed' : 'open',
          assignee: null,
          level: 1,
          due_at: null,
          flagged: 0,
          open_actions: 0,
          reopen_count: 0,
          source_instance: null,
          opened_at: openedAt(i),
          closed_at: null,
          escalated_at: null,
          updated_at: openedAt(i),
        })),
      )
      .execute();
    all = (await duban.findingQueries.list({ ...active, limit: 1000 })).map((f) => f.id);
  });
  afterAll(async () => duban?.dispose());

  it('reads the page after a row exactly as an offset read does', async () => {
    expect(all).toHaveLength(COUNT - COUNT / 10);
    for (const at of [0, 17, 49, 150]) {
      const page = await duban.findingQueries.list({ ...active, offset: at, limit: 1 });
      const after = await duban.findingQueries.list({ ...active, after: { openedAt: page[0]!.openedAt, id: page[0]!.id }, limit: 40 });
      expect(after.map((f) => f.id)).toEqual(all.slice(at + 1, at + 41));
    }
  });

  it('reads the rows before a row, nearest last, in list order', async () => {
    const [row] = await duban.findingQueries.list({ ...active, offset: 120, limit: 1 });
    const before = await duban.findingQueries.list({ ...active, before: { openedAt: row!.openedAt, id: row!.id }, limit: 50 });
    expect(before.map((f) => f.id)).toEqual(all.slice(70, 120));
    const atTop = await duban.findingQueries.list({ ...active, before: { openedAt: row!.openedAt, id: row!.id }, limit: 500 });
    expect(atTop.map((f) => f.id)).toEqual(all.slice(0, 120));
  });

  it('counts an offset from the end with fromEnd', async () => {
    const last = await duban.findingQueries.list({ ...active, fromEnd: true, offset: 0, limit: 30 });
    expect(last.map((f) => f.id)).toEqual(all.slice(-30));
    const earlier = await duban.findingQueries.list({ ...active, fromEnd: true, offset: 30, limit: 25 });
    expect(earlier.map((f) => f.id)).toEqual(all.slice(-55, -30));
  });

  it('combines a key with the other filters', async () => {
    const ct = (await duban.findingQueries.list({ ...active, department: 'CT', limit: 1000 })).map((f) => f.id);
    const [row] = await duban.findingQueries.list({ ...active, department: 'CT', offset: 9, limit: 1 });
    const after = await duban.findingQueries.list({ ...active, department: 'CT', after: { openedAt: row!.openedAt, id: row!.id }, limit: 20 });
    expect(after.map((f) => f.id)).toEqual(ct.slice(10, 30));
  });
});
