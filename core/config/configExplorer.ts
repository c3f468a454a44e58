import { cosmiconfig } from 'cosmiconfig';

/** cosmiconfig's reader for duban's config, searching only the given names in one folder at a time. */
export function configExplorer(searchPlaces: readonly string[]): ReturnType<typeof cosmiconfig> {
  return cosmiconfig('duban', { searchStrategy: 'none', searchPlaces: [...searchPlaces] });
}
