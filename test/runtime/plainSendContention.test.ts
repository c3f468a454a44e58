import { afterEach, describe, expect, it } from 'vitest';
import { createDuban, verifyAudit, type Duban, type Engine } from '../../core/index.js';
import { builtinPlugins } from '../../plugins/index.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const WRITERS = 4;
const SENDS = 600;
const INSTANCES = 1;
const IN_FLIGHT = 2;

describe.each(DIALECTS)('many writers sending without an expected revision on %s', (dialect) => {
  let duban: TestDuban;
  const others: Duban[] = [];
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await duban?.dispose();
  });

  /**
   * The writers. On PostgreSQL, engines with their own pools on one database, as `serve`
   * workers on several machines are. On SQLite, one engine: two better-sqlite3 handles on
   * one file in one process deadlock (see revisionConflict.test.ts).
   */
  const writers = async (): Promise<Engine[]> => {
    if (dialect === 'sqlite') return Array.from({ length: WRITERS }, () => duban.engine);
    for (let i = 1; i < WRITERS; i++) {
      others.push(await createDuban({ db: duban.database.target, clock: duban.manualClock, plugins: [...builtinPlugins, notesCandidate] }));
    }
    return [duban.engine, ...others.map((o) => o.engine)];
  };

  it(`${SENDS} concurrent sends from ${WRITERS} writers to ${INSTANCES} instance(s) all land: none gives up, none is lost`, async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const engines = await writers();
    const started = await Promise.all(Array.from({ length: INSTANCES }, () => duban.engine.start('notes', {}, 'alice')));

    // Each writer keeps a couple of sends in flight, as a busy worker does: 8 contenders for one row.
    const failures: string[] = [];
    const send = async (i: number) => {
      try {
        await engines[i % WRITERS]!.send(started[i % INSTANCES]!.id, { type: 'NOTE', data: { text: `n${i}` } }, 'alice');
      } catch (error) {
        failures.push((error as Error).message);
      }
    };
    const lanes = Array.from({ length: WRITERS * IN_FLIGHT }, async (_, lane) => {
      for (let i = lane; i < SENDS; i += WRITERS * IN_FLIGHT) await send(i);
    });
    await Promise.all(lanes);
    expect(failures).toEqual([]);

    for (const [k, instance] of started.entries()) {
      const view = await duban.engine.get(instance.id);
      const expected = Array.from({ length: SENDS }, (_, i) => i).filter((i) => i % INSTANCES === k).map((i) => `n${i}`);
      expect(view.revision).toBe(instance.revision + expected.length);
      expect([...(view.context.data.notes as string[])].sort()).toEqual(expected.sort());
    }
    const noteRows = await duban.store.db.selectFrom('audit_log').select('seq').where('event', '=', 'NOTE').execute();
    expect(noteRows).toHaveLength(SENDS);
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: true });
  }, 120_000);
});
