import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe.each(DIALECTS)('the status an event leaves on %s', (dialect) => {
  let duban: TestDuban | undefined;
  afterEach(async () => {
    await duban?.dispose();
    duban = undefined;
  });

  it('a step that keeps the status leaves it, one that ends the instance stores done, and lists by status agree', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const instance = await duban.engine.start('notes', {}, 'alice');
    const noted = await duban.engine.send(instance.id, { type: 'NOTE', data: { text: 'a' } }, 'alice');
    expect(noted.instance).toMatchObject({ status: 'active', revision: 2 });
    expect((await duban.engine.list({ chainId: 'notes', status: 'active' })).map((i) => i.id)).toEqual([instance.id]);
    const closed = await duban.engine.send(instance.id, { type: 'CLOSE' }, 'alice');
    expect(closed.instance).toMatchObject({ status: 'done', state: 'closed', revision: 3 });
    expect(await duban.engine.get(instance.id)).toMatchObject({ status: 'done', revision: 3 });
    expect(await duban.engine.list({ chainId: 'notes', status: 'active' })).toEqual([]);
    expect((await duban.engine.list({ chainId: 'notes', status: 'done' })).map((i) => i.id)).toEqual([instance.id]);
  });
});

describe('the pages an event writes on SQLite', () => {
  let duban: TestDuban | undefined;
  afterEach(async () => {
    await duban?.dispose();
    duban = undefined;
  });

  // The b-trees whose pages the next event writes: read from the WAL's frame headers
  // after an empty checkpoint, named through SQLite's dbstat table.
  async function pagesWrittenBy(send: () => Promise<unknown>): Promise<string[]> {
    const db = duban!.store.db;
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    await send();
    const file = duban!.database.target;
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const pages = new Set<number>();
    for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) pages.add(wal.readUInt32BE(offset));
    const reader = new Database(file, { readonly: true });
    try {
      const names = new Map((reader.prepare('select pageno, name from dbstat').all() as { pageno: number; name: string }[]).map((r) => [r.pageno, r.name]));
      return [...new Set([...pages].map((p) => names.get(p) ?? `page ${p}`))].sort();
    } finally {
      reader.close();
    }
  }

  it('a step that keeps the status does not rewrite the status index; one that changes it does', async () => {
    duban = await startTestDuban('sqlite', { extraPlugins: [notesCandidate] });
    const instance = await duban.engine.start('notes', {}, 'alice');
    const note = () => duban!.engine.send(instance.id, { type: 'NOTE', data: { text: 'a' } }, 'alice');
    await note();
    const noted = await pagesWrittenBy(note);
    expect(noted).toContain('instances');
    expect(noted).toContain('audit_log');
    expect(noted).not.toContain('instances_status_idx');
    // The instance, the audit row under its sequence number (the rowid: no unique index of
    // its own), the audit head and the instance's history index; not the report's index,
    // which holds only the events the report reads (start, ESCALATE, REOPEN, CLOSE). Page 1
    // (sqlite_schema) also when the file grows, as it records the file's size.
    expect(noted.filter((name) => name !== 'sqlite_schema')).toEqual(['audit_head', 'audit_instance_idx', 'audit_log', 'instances']);
    const closed = await pagesWrittenBy(() => duban!.engine.send(instance.id, { type: 'CLOSE' }, 'alice'));
    expect(closed).toContain('instances_status_idx');
    expect(closed).toContain('audit_event_at_idx');
  });
});
