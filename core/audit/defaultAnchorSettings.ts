import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where anchors live when the config does not say: the signing key in the user's config
 * folder (`~/.config/duban/audit-anchor.key`), the anchors next to the SQLite file they
 * anchor (`duban.db.anchors.jsonl`) or, for PostgreSQL, in the user's data folder.
 */
export function defaultAnchorSettings(db: string): { keyFile: string; anchorsFile: string } {
  const paths = envPaths('duban', { suffix: '' });
  return {
    keyFile: join(paths.config, 'audit-anchor.key'),
    anchorsFile: db.includes('://') ? join(paths.data, 'anchors.jsonl') : `${db}.anchors.jsonl`,
  };
}
