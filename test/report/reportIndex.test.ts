import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { orgImportedSince } from '../../core/audit/orgImportedSince.js';
import { reportedAuditRows, REPORTED_EVENTS } from '../../core/findings/queryFindingFigures.js';
import { monthPeriod } from '../../core/report/ReportPeriod.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

// audit_log's indexes by event hold only the events read by event (migration 011), so other
// events write no entry. A partial index serves only a query whose condition names the same
// values as literals: this holds the report's and the anchoring's own queries to them.
describe('the report and the anchoring read audit rows through partial indexes', () => {
  let duban: TestDuban | undefined;
  afterEach(async () => {
    await duban?.dispose();
    duban = undefined;
  });

  it('the index holds exactly the reported events, and the report query uses it on SQLite', async () => {
    duban = await startTestDuban('sqlite');
    const reader = new Database(duban.database.target, { readonly: true });
    try {
      const [{ sql: definition }] = reader.prepare("select sql from sqlite_schema where name = 'audit_event_at_idx'").all() as { sql: string }[];
      expect(definition).toMatch(new RegExp(`where event in \\(${REPORTED_EVENTS.map((e) => `'${e}'`).join(', ')}\\)$`));
      const query = reportedAuditRows(duban.store.db, monthPeriod('2026-03', 'Asia/Shanghai', new Date('2026-04-02T00:00:00Z'))).compile();
      const plan = (reader.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]).map((row) => row.detail);
      expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX audit_event_at_idx/);
      // The anchoring's check for an org import since the last anchor reads its own partial index.
      const check = orgImportedSince(duban.store.db, 1).compile();
      const checkPlan = (reader.prepare(`explain query plan ${check.sql}`).all(...(check.parameters as unknown[])) as { detail: string }[]).map((row) => row.detail);
      expect(checkPlan.join('\n')).toMatch(/USING (COVERING )?INDEX audit_org_import_idx/);
    } finally {
      reader.close();
    }
  });
});
