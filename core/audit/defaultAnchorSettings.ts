import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where anchors live when the config does not say: the signing key in the user's config
 * folder (`~/.config/duban/audit-anchor.key`), the anchors next to the SQLite file they
 * anchor (`duban.db.anchors.jsonl`) or, for PostgreSQL, in the user's data folder, one
 * file per server and database (`anchors-db.example.org-5432-duban.jsonl`).
 */
export function defaultAnchorSettings(db: string): { keyFile: string; anchorsFile: string } {
  const paths = envPaths('duban', { suffix: '' });
  return {
    keyFile: join(paths.config, 'audit-anchor.key'),
    anchorsFile: db.includes('://') ? join(paths.data, `anchors-${databaseName(db)}.jsonl`) : `${db}.anchors.jsonl`,
  };
}

// host-port-database of a postgres:// URL (never its password), safe as a file name.
function databaseName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}-${u.port || '5432'}-${u.pathname.replace(/^\//, '') || 'postgres'}`.replace(/[^A-Za-z0-9._-]/g, '_');
  } catch {
    return 'postgres';
  }
}
