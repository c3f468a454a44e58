import type { Localized, PluginOrg } from '../../../core/plugin/index.js';

/**
 * The names of people or duty posts by id, in both languages, for the titles of the
 * findings a check opens ("迟到：王芳", not "迟到：p2"). An id the org does not know (a
 * roster typed before the org was imported) stands for itself.
 */
export async function orgNames(org: PluginOrg, kind: 'people' | 'posts', ids: readonly string[]): Promise<(id: string) => Localized | string> {
  const names = await org.names(kind, ids);
  return (id) => names.get(id) ?? id;
}
