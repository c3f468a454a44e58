import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSPITAL_ORG } from '../support/hospitalOrg.js';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson, type CliOptions } from '../support/cli.js';
import { openRawSql } from '../support/rawSql.js';

describe('audit anchors through the CLI', () => {
  let dir: string;
  let cli: CliOptions;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'duban-anchors-'));
    // The signing key goes to this test's own config folder, never the user's.
    cli = { db: join(dir, 'duban.db'), cwd: dir, env: { XDG_CONFIG_HOME: join(dir, 'config') } };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const anchorsFile = () => join(dir, 'duban.db.anchors.jsonl');
  const anchors = () => readFileSync(anchorsFile(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

  it(
    'keys, anchor, verify; a rewrite with recomputed hashes is caught naming the row',
    async () => {
      await runDubanJson(['init', '--json'], cli);
      await runDubanJson(['org', 'import', HOSPITAL_ORG, '--as', 'office1', '--json'], cli);
      const opened = await runDubanJson(['findings', 'open', '--dept', 'CT', '--subject', 'tech1', '--category', 'discipline.late', '--severity', 'minor', '--title', '迟到', '--as', 'insp1', '--json'], cli);
      const keys = await runDubanJson(['audit', 'keys', '--json'], cli);
      expect(keys).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{16}$/), publicKey: expect.stringContaining('BEGIN PUBLIC KEY'), keyFile: join(dir, 'config', 'duban', 'audit-anchor.key') });
      expect(statSync(keys.keyFile).mode & 0o777).toBe(0o600);

      const anchored = await runDuban(['audit', 'anchor'], cli);
      expect(anchored.code, anchored.stderr).toBe(0);
      const anchor = JSON.parse(anchored.stdout);
      expect(anchor).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: keys.id, sig: expect.any(String) });
      expect(anchors()).toEqual([anchor]);
      expect(await runDubanJson(['audit', 'verify', '--json'], cli)).toMatchObject({ ok: true, anchors: { ok: true, anchors: 1 } });

      // Rewrite the finding's opening row and every row after it, hashes and head recomputed.
      const raw = await openRawSql(cli.db!);
      const { hashAuditRow } = await import('../../core/audit/hashAuditRow.js');
      const rows = await raw.all<any>('select * from audit_log order by seq');
      let prev = '';
      for (const row of rows) {
        const data = row.instance_id === opened.id && row.event === 'start' ? row.data.replace('迟到', '准时') : row.data;
        const hash = hashAuditRow({ ...row, data, prev_hash: prev });
        await raw.run('update audit_log set data = ?, prev_hash = ?, hash = ? where seq = ?', [data, prev, hash, row.seq]);
        prev = hash;
      }
      await raw.run('update audit_head set hash = ? where id = 1', [prev]);
      await raw.close();
      const broken = await runDuban(['audit', 'verify', '--anchors', anchorsFile()], cli);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(new RegExp(`^duban: AUDIT_ANCHOR_BROKEN: Audit log broken at row ${anchor.seq}: the anchor on line 1 of `));
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'serve anchors on its first pass, again a day later, and after an org import',
    async () => {
      await runDubanJson(['init', '--json'], cli);
      const day0 = '2027-03-01T02:00:00.000Z';
      expect(await runDubanJson(['serve', '--once', '--json'], { ...cli, now: day0 })).toMatchObject({ anchored: expect.any(Number) });
      expect(await runDubanJson(['serve', '--once', '--json'], { ...cli, now: '2027-03-01T09:00:00.000Z' })).toMatchObject({ anchored: null });
      expect(anchors()).toHaveLength(1);
      await runDubanJson(['serve', '--once', '--json'], { ...cli, now: '2027-03-02T02:30:00.000Z' });
      // DUBAN_NOW starts a running clock: minutes are what the test controls.
      expect(anchors().map((a) => a.at.slice(0, 16))).toEqual(['2027-03-01T02:00', '2027-03-02T02:30']);
      await runDubanJson(['org', 'import', HOSPITAL_ORG, '--as', 'office1', '--json'], { ...cli, now: '2027-03-02T03:00:00.000Z' });
      await runDubanJson(['serve', '--once', '--json'], { ...cli, now: '2027-03-02T03:05:00.000Z' });
      const all = anchors();
      expect(all).toHaveLength(3);
      expect(all[2].seq).toBeGreaterThan(all[1].seq);
      expect(await runDubanJson(['audit', 'verify', '--json'], cli)).toMatchObject({ ok: true, anchors: { ok: true, anchors: 3 } });
    },
    CLI_TEST_TIMEOUT,
  );
});
