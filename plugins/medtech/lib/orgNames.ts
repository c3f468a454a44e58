import type { Kysely } from 'kysely';
import type { Localized } from '../../../core/index.js';

/**
 * The names of people or duty posts by id, in both languages, for the titles of the
 * findings a check opens ("迟到：王芳", not "迟到：p2"). An id the org does not know (a
 * roster typed before the org was imported) stands for itself.
 */
export async function orgNames(db: Kysely<any>, table: 'people' | 'posts', ids: readonly string[]): Promise<(id: string) => Localized | string> {
  const wanted = [...new Set(ids)];
  const rows: { id: string; name_zh: string; name_en: string }[] =
    wanted.length === 0 ? [] : await db.selectFrom(table).select(['id', 'name_zh', 'name_en']).where('id', 'in', wanted).execute();
  const names = new Map(rows.map((r) => [r.id, { 'zh-CN': r.name_zh, en: r.name_en }]));
  return (id) => names.get(id) ?? id;
}
