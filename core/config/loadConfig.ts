import { dirname } from 'node:path';
import { cosmiconfig, getDefaultSearchPlaces } from 'cosmiconfig';
import { DubanError } from '../errors/DubanError.js';
import { configSchema, type DubanConfig } from './DubanConfig.js';

/**
 * Finds and validates the config file: `explicitFile` if given (`--config`), else
 * cosmiconfig's search for `duban` from `cwd` upward (`duban.config.yaml`, `.dubanrc`,
 * a `duban` key in package.json...). No file is an empty config.
 *
 * @throws DubanError `CONFIG_INVALID` naming the file and the field path.
 */
export async function loadConfig(cwd: string, explicitFile?: string): Promise<DubanConfig> {
  // cosmiconfig's defaults do not include `duban.config.json|yaml`, the names the docs give.
  const searchPlaces = [...getDefaultSearchPlaces('duban'), 'duban.config.json', 'duban.config.yaml', 'duban.config.yml'];
  const explorer = cosmiconfig('duban', { stopDir: cwd, searchStrategy: 'global', searchPlaces });
  let found;
  try {
    found = explicitFile ? await explorer.load(explicitFile) : await explorer.search(cwd);
  } catch (cause) {
    throw new DubanError('CONFIG_INVALID', `${explicitFile ?? cwd}: ${(cause as Error).message}`, {
      place: { file: explicitFile },
      cause,
    });
  }
  if (!found || found.isEmpty) return { configDir: cwd };
  const parsed = configSchema.safeParse(found.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    throw new DubanError('CONFIG_INVALID', `${found.filepath}: ${path || '(root)'}: ${issue.message}`, {
      place: { file: found.filepath, path },
    });
  }
  return { ...parsed.data, configDir: dirname(found.filepath), configFile: found.filepath };
}
