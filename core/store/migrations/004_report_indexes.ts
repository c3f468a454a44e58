import type { Kysely, Migration } from 'kysely';

/**
 * An index for reports: the audit rows of some events in a period (a month's escalations,
 * reopenings and closings) are read by (event, at) ranges instead of a scan of the whole
 * log, and the instance id comes from the index itself; this keeps the monthly report well
 * within a second at a million audit rows (`npm run bench`). One more index entry per
 * appended row is the price.
 */
export const reportIndexesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('audit_event_at_idx').on('audit_log').columns(['event', 'at', 'instance_id']).execute();
  },
};
