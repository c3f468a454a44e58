import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson, initDatabase, type CliOptions } from '../support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/dialects.js';
import { openRawSql, countRows } from '../support/rawSql.js';

// The `notes` chain comes from a plugin named in test/fixtures/notes/duban.config.json,
// found from the working folder.
const NOTES_DIR = fileURLToPath(new URL('../fixtures/notes/', import.meta.url));

describe.each(DIALECTS)('two CLI processes writing one instance on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.drop());

  it('same --revision: one wins, the other gets REVISION_CONFLICT and writes nothing; its retry lands', async () => {
    database = await createTestDatabase(dialect);
    const cli: CliOptions = { db: database.target, cwd: NOTES_DIR };
    await initDatabase(cli);
    const started = await runDubanJson(['run', 'notes', '--as', 'alice', '--json'], cli);
    expect(started).toMatchObject({ chainId: 'notes', revision: 1 });

    const send = (who: string, revision: number) =>
      runDuban(['send', started.id, 'NOTE', '--data', JSON.stringify({ text: `from ${who}` }), '--revision', String(revision), '--as', who], cli);
    const [alice, bob] = await Promise.all([send('alice', 1), send('bob', 1)]);
    expect([alice.code, bob.code].sort()).toEqual([0, 1]);
    const [winner, loser] = alice.code === 0 ? ['alice', 'bob'] : ['bob', 'alice'];
    const lost = alice.code === 0 ? bob : alice;
    expect(lost.stderr).toMatch(new RegExp(`^duban: REVISION_CONFLICT: ${started.id} (is at revision 2, not 1|was changed by another writer)`));
    expect(lost.stdout).toBe('');

    const raw = await openRawSql(database.target);
    try {
      expect(await countRows(raw, 'audit_log', `instance_id = ? and event = 'NOTE'`, [started.id])).toBe(1);
      const afterConflict = await runDubanJson(['instances', 'show', started.id, '--json'], cli);
      expect(afterConflict).toMatchObject({ revision: 2, context: { data: { notes: [`from ${winner}`] } } });

      // The loser reloads (revision 2) and sends again: nothing is lost.
      expect((await send(loser, 2)).code).toBe(0);
      const final = await runDubanJson(['instances', 'show', started.id, '--json'], cli);
      expect(final).toMatchObject({ revision: 3, context: { data: { notes: [`from ${winner}`, `from ${loser}`] } } });
      expect(final.history.map((h: { event: string; actor: string }) => `${h.event}:${h.actor}`)).toEqual(['start:alice', `NOTE:${winner}`, `NOTE:${loser}`]);
    } finally {
      await raw.close();
    }
    expect((await runDuban(['audit', 'verify'], cli)).code).toBe(0);
  }, CLI_TEST_TIMEOUT);

  it('an event the step does not accept: EVENT_NOT_ACCEPTED on stderr, exit 1, nothing written', async () => {
    database = await createTestDatabase(dialect);
    const cli: CliOptions = { db: database.target, cwd: NOTES_DIR };
    await initDatabase(cli);
    const started = await runDubanJson(['run', 'notes', '--as', 'alice', '--json'], cli);
    const raw = await openRawSql(database.target);
    try {
      const footprint = async () => ({
        instances: await countRows(raw, 'instances'),
        audit: await countRows(raw, 'audit_log'),
        timers: await raw.all('select id, status, due_at from timers order by id'),
        outbox: await countRows(raw, 'outbox'),
        instance: await raw.all('select state, revision, snapshot, updated_at from instances where id = ?', [started.id]),
      });
      const before = await footprint();
      const refused = await runDuban(['send', started.id, 'APPROVE', '--as', 'alice'], cli);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(new RegExp(`^duban: EVENT_NOT_ACCEPTED: ${started.id} is in step "open", which does not accept APPROVE`));
      expect(await footprint()).toEqual(before);
    } finally {
      await raw.close();
    }
  }, CLI_TEST_TIMEOUT);
});
