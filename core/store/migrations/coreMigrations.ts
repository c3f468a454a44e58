import type { Migration } from 'kysely';
import { coreMigration } from './001_core.js';
import { orgFindingsMigration } from './002_org_findings.js';
import { schedulesInboxMigration } from './003_schedules_inbox.js';
import { reportIndexesMigration } from './004_report_indexes.js';
import { findingOrderIndexMigration } from './005_finding_order_index.js';
import { trustMigration } from './006_trust.js';
import { heartbeatMigration } from './007_heartbeat.js';
import { orgRevisionMigration } from './008_org_revision.js';
import { capaMigration } from './009_capa.js';
import { auditRowidMigration } from './010_audit_rowid.js';
import { reportIndexEventsMigration } from './011_report_index_events.js';

/**
 * The core's migrations, in code: Kysely's FileMigrationProvider cannot load `.ts` under
 * vitest, and a compiled CLI should not search the disk for them. Names sort in order.
 */
export const coreMigrations: Record<string, Migration> = {
  '001_core': coreMigration,
  '002_org_findings': orgFindingsMigration,
  '003_schedules_inbox': schedulesInboxMigration,
  '004_report_indexes': reportIndexesMigration,
  '005_finding_order_index': findingOrderIndexMigration,
  '006_trust': trustMigration,
  '007_heartbeat': heartbeatMigration,
  '008_org_revision': orgRevisionMigration,
  '009_capa': capaMigration,
  '010_audit_rowid': auditRowidMigration,
  '011_report_index_events': reportIndexEventsMigration,
};
