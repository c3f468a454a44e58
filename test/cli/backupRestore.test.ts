import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySqliteFile } from '../../core/backup/verifySqliteFile.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson } from '../support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe.each(DIALECTS)('duban backup and restore on %s', (dialect) => {
  let dir: string;
  let writer: TestDuban | undefined;
  const extra: TestDatabase[] = [];
  afterEach(async () => {
    await writer?.dispose();
    writer = undefined;
    for (const database of extra.splice(0)) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a backup taken while a writer sends events verifies, refuses to overwrite without --force, and restores into a working database', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-backup-'));
    writer = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const { id } = await writer.engine.start('notes', {}, 'alice');
    // A writer in a loop for as long as the backup runs.
    let writing = true;
    let sent = 0;
    const writes = (async () => {
      while (writing) {
        await writer!.engine.send(id, { type: 'NOTE', data: { text: `note ${sent}` } }, 'alice');
        sent++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = join(dir, 'b.db');
    const cli = { db: writer.database.target, cwd: dir };
    let backup;
    try {
      backup = await runDubanJson(['backup', file, '--json'], cli);
    } finally {
      writing = false;
      await writes;
    }
    expect(sent).toBeGreaterThan(0);
    expect(backup).toMatchObject({ file, dialect });
    if (dialect === 'sqlite') {
      expect(backup.auditRows).toBeGreaterThan(0);
      // Checked again here, independently of the command's own report.
      expect((await verifySqliteFile(file)).auditRows).toBe(backup.auditRows);
    }

    const again = await runDuban(['backup', file], cli);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`^duban: BACKUP_TARGET_EXISTS: ${file} exists already`));
    expect((await runDuban(['backup', file, '--force'], cli)).code).toBe(0);

    const restoredDb = dialect === 'sqlite' ? join(dir, 'restored', 'r.db') : (extra[extra.push(await createTestDatabase('postgres')) - 1]!).target;
    const restored = await runDubanJson(['restore', file, '--db', restoredDb, '--json'], { cwd: dir });
    expect(restored.auditRows).toBeGreaterThan(0);
    // The restored database works: the commands of every day run on it.
    expect((await runDuban(['findings', 'list', '--db', restoredDb], { cwd: dir })).code).toBe(0);
    const audit = await runDubanJson(['audit', 'verify', '--json', '--db', restoredDb], { cwd: dir });
    expect(audit).toMatchObject({ ok: true, rows: restored.auditRows });

    // Never over an existing database.
    const over = await runDuban(['restore', file, '--db', restoredDb], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/^duban: BACKUP_TARGET_EXISTS: /);
  }, CLI_TEST_TIMEOUT);
});

describe('backups in a fresh folder', () => {
  it('restore needs --db: it never restores over the configured database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-restore-'));
    try {
      const result = await runDuban(['restore', join(dir, 'b.db')], { cwd: dir, db: join(dir, 'x.db') });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^duban: USAGE: restore needs --db/);
      expect(existsSync(join(dir, 'x.db'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, CLI_TEST_TIMEOUT);
});
