import { afterEach, describe, expect, it } from 'vitest';
import { Kysely, sql, SqliteDialect } from 'kysely';
import Database from 'better-sqlite3';
import { isDubanError } from '../../core/index.js';
import { tablesOfQuery } from '../../core/plugin/scope/tablesOfQuery.js';
import { scopedDb } from '../../core/plugin/scope/scopedDb.js';
import { pacsCalls, pacsPlugin, snoopPlugin, tidyPlugin, vandalPlugin } from '../fixtures/scope/scopePlugins.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe('the tables of a query, read from its operation tree', () => {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  const tables = (q: { toOperationNode(): any }) => [...tablesOfQuery(q.toOperationNode()).tables].sort();

  it('names the tables of from, joins, subqueries and writes; not aliases, qualifiers or with-names', () => {
    expect(tables(db.selectFrom('tb_lab_round as r').innerJoin('tb_lab_reading as x', 'x.round_id', 'r.id').select(['r.id', 'x.grade']))).toEqual(['tb_lab_reading', 'tb_lab_round']);
    expect(tables(db.selectFrom('tb_lab_round').where('id', 'in', db.selectFrom('findings').select('id')).selectAll())).toEqual(['findings', 'tb_lab_round']);
    expect(tables(db.with('recent', (q) => q.selectFrom('tb_lab_round').selectAll()).selectFrom('recent').selectAll())).toEqual(['tb_lab_round']);
    expect(tables(db.deleteFrom('audit_log'))).toEqual(['audit_log']);
    expect(tables(db.updateTable('tb_lab_round').set({ n: 1 }).from('people'))).toEqual(['people', 'tb_lab_round']);
    expect(tables(db.insertInto('tb_lab_round').expression(db.selectFrom('instances').select('id')))).toEqual(['instances', 'tb_lab_round']);
    expect(tables(db.selectFrom(sql.table('audit_head').as('h') as any).selectAll())).toEqual(['audit_head']);
    expect(tables(db.schema.createTable('tb_lab_x').addColumn('p', 'text', (c) => c.references('people.id')))).toEqual(['people', 'tb_lab_x']);
    expect(tables(db.selectFrom('main.audit_log').selectAll())).toEqual(['main.audit_log']);
    expect(tablesOfQuery(sql`delete from audit_log`.toOperationNode()).raw).toBe(true);
  });

  it('refuses, before anything runs, a query of a plugin that names a table not its own', async () => {
    const raw = new Database(':memory:');
    raw.exec('create table audit_log (seq integer); insert into audit_log values (1); create table tb_lab_round (id text)');
    const host = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    const tb = scopedDb(host, 'tb-lab');
    await expect(tb.selectFrom('tb_lab_round').selectAll().execute()).resolves.toEqual([]);
    // A subquery is checked as it is built into the outer query: the throw may come that early.
    for (const query of [
      () => tb.deleteFrom('audit_log').execute(),
      () => tb.selectFrom('tb_lab_round').where('id', 'in', tb.selectFrom('audit_log').select('seq')).selectAll().execute(),
      () => tb.selectFrom('tb_lab').selectAll().execute(),
      () => tb.selectFrom('duban_plugin_tb_lab_migration').selectAll().execute(),
    ]) {
      await expect(Promise.resolve().then(query)).rejects.toSatisfy((e) => isDubanError(e, 'PLUGIN_SCOPE') && /plugin tb-lab may not query table/.test((e as Error).message));
    }
    await expect(sql`delete from audit_log`.execute(tb)).rejects.toSatisfy((e) => isDubanError(e, 'PLUGIN_SCOPE') && /raw SQL/.test((e as Error).message));
    await expect(tb.transaction().execute((trx) => trx.deleteFrom('audit_log').execute())).rejects.toSatisfy((e) => isDubanError(e, 'PLUGIN_SCOPE'));
    expect(raw.prepare('select count(*) as n from audit_log').get()).toEqual({ n: 1 });
  });
});

describe.each(DIALECTS)('a plugin reaches only its own tables on %s', (dialect) => {
  let duban: TestDuban | undefined;
  afterEach(async () => {
    await duban?.dispose();
    duban = undefined;
  });

  it('fails an activity that reads the TB register with PLUGIN_SCOPE, at once, as an incident naming the plugin', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [snoopPlugin] });
    const started = await duban.engine.start('snoop', {}, 'alice');
    const [incident] = await duban.incidents.list('open');
    expect(incident).toMatchObject({ instanceId: started.id, pluginId: 'snoop', message: expect.stringMatching(/^plugin snoop: activity failed 1 times: plugin snoop, task snoop\.peek: plugin snoop may not query table "tb_lab_register_slide"/) });
    const after = await duban.engine.get(started.id);
    expect(after.state).toBe('peeking');
    expect(after.context.data).toEqual({});
  });

  it('disables a plugin whose migration deletes from audit_log, with the reason, and deletes nothing', async () => {
    const first = await startTestDuban(dialect);
    const database = first.database;
    const before = Number((await first.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(before).toBeGreaterThan(0);
    await first.close();
    duban = await startTestDuban(dialect, { database, extraPlugins: [vandalPlugin, tidyPlugin], org: false });
    expect(duban.plugins.disabled).toEqual([expect.objectContaining({ id: 'vandal', code: 'PLUGIN_SCOPE', message: expect.stringMatching(/plugin vandal may not query table "audit_log"/) })]);
    expect(duban.plugins.loaded.map((p) => p.id)).toContain('tidy-desk');
    const after = Number((await duban.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
    // The well-behaved plugin's own table works through its scoped handle.
    const tidy = duban.pluginServices('tidy-desk').db;
    await tidy.insertInto('tidy_desk_item').values({ id: 'a', n: 1 }).execute();
    expect(await tidy.selectFrom('tidy_desk_item').select(['id', 'n']).execute()).toEqual([{ id: 'a', n: 1 }]);
  });

  it('gives plugins instances of their own chains and of the chains they list, and refuses the rest', async () => {
    duban = await startTestDuban(dialect);
    const medtech = duban.pluginServices('medtech').instances;
    await expect(medtech.ofChain('discipline-check')).resolves.toEqual([]);
    await expect(medtech.children(['f-none'], 'corrective-meeting')).resolves.toEqual([]);
    await expect(medtech.ofChain('sputum-slide-qc')).rejects.toSatisfy((e) => isDubanError(e, 'PLUGIN_SCOPE') && /may not read instances of chain "sputum-slide-qc"/.test((e as Error).message));
  });

  it('runs a plugin’s outbox handler for a chain’s call effect, with its services; a query outside its tables is an incident at once', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [pacsPlugin] });
    pacsCalls.length = 0;
    const done = await duban.engine.start('pacs-sync', { film: 'CT-0042' }, 'alice');
    expect(pacsCalls).toEqual([{ film: 'CT-0042', key: expect.stringMatching(/^o/), instanceId: done.id }]);
    expect(await duban.pluginServices('pacs').db.selectFrom('pacs_synced').select('film').execute()).toEqual([{ film: 'CT-0042' }]);
    const peek = await duban.engine.start('pacs-sync', { film: 'peek' }, 'alice');
    const [incident] = await duban.incidents.list('open');
    expect(incident).toMatchObject({ instanceId: peek.id, pluginId: 'pacs', message: expect.stringMatching(/pacs\.sync failed 1 times: plugin pacs, handler pacs\.sync: plugin pacs may not query table "people"/) });
  });
});
