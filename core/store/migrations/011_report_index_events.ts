import { sql, type Kysely, type Migration } from 'kysely';

/**
 * audit_log's indexes by event hold only the events read by event: the monthly report's
 * (a finding's start, escalation, reopening and closing, by period; see
 * core/findings/queryFindingFigures.ts) and the anchoring's (an org import since the last
 * anchor; core/audit/AnchorService.ts). Both queries name their events as literals, so both
 * databases can use these partial indexes. Every other event, most of them (submissions,
 * acknowledgements, timer ticks), no longer writes an entry: one b-tree page fewer written
 * and synced per event. The lists are spelled out here, as the database had them when this
 * was written.
 */
export const reportIndexEventsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('audit_event_at_idx').execute();
    await db.schema
      .createIndex('audit_event_at_idx')
      .on('audit_log')
      .columns(['event', 'at', 'instance_id'])
      .where(sql.raw<boolean>(`event in ('ESCALATE', 'REOPEN', 'CLOSE', 'start')`))
      .execute();
    await db.schema
      .createIndex('audit_org_import_idx')
      .on('audit_log')
      .column('seq')
      .where(sql.raw<boolean>(`event = 'org.imported'`))
      .execute();
  },
};
