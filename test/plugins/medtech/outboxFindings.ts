import type { Duban } from '../../../core/index.js';

/** An `openFinding` effect as the chain wrote it to the outbox. */
export interface FindingEffect {
  readonly department: string;
  readonly subject: string;
  readonly subjectKind?: string;
  readonly category: string;
  readonly severity: string;
  readonly escalateNow?: boolean;
  readonly title?: { readonly 'zh-CN': string; readonly en: string };
  readonly data?: Record<string, unknown>;
}

/**
 * The `openFinding` rows an instance wrote to the outbox, by subject then category: rows
 * written by one event share their instant, and their ids order randomly within it.
 */
export async function findingEffects(duban: Duban, instanceId: string): Promise<FindingEffect[]> {
  const rows = await duban.store.db
    .selectFrom('outbox')
    .select('payload')
    .where('instance_id', '=', instanceId)
    .where('kind', '=', 'openFinding')
    .execute();
  const key = (e: FindingEffect) => `${e.subject}\u0000${e.category}`;
  return rows.map((r) => JSON.parse(r.payload) as FindingEffect).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
