import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, resolve } from 'node:path';
import { cosmiconfig, getDefaultSearchPlaces } from 'cosmiconfig';
import envPaths from 'env-paths';
import { DubanError } from '../errors/DubanError.js';
import { configSchema, type DubanConfig } from './DubanConfig.js';
import { expandReferences } from './expandReferences.js';

/** Where {@link loadConfig} looks besides the working folder; tests point these at temp folders. */
export interface LoadConfigOptions {
  /** Default `process.env`: `DUBAN_CONFIG`, `DUBAN_SYSTEM_CONFIG`, `XDG_CONFIG_HOME` and `${NAME}` references. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The system-wide config file when `DUBAN_SYSTEM_CONFIG` does not name another. */
export const SYSTEM_CONFIG_FILE = '/etc/duban/config.yaml';

// cosmiconfig's defaults do not include `duban.config.json|yaml`, the names the docs give.
const SEARCH_PLACES = [...getDefaultSearchPlaces('duban'), 'duban.config.json', 'duban.config.yaml', 'duban.config.yml'];
const USER_FILES = ['config.yaml', 'config.yml', 'config.json'];

type ConfigFields = Omit<DubanConfig, 'configDir' | 'configFile' | 'configFiles' | 'pluginsDir'>;
interface Layer {
  readonly file: string;
  readonly fields: ConfigFields;
}

/**
 * Finds, checks and merges the config. `explicitFile` (`--config`), else `DUBAN_CONFIG`,
 * names the one file to read. Otherwise three files are merged, each optional:
 * the system-wide `/etc/duban/config.yaml` (`DUBAN_SYSTEM_CONFIG` names another), the
 * user's `config.yaml` in the XDG config folder (`~/.config/duban/`), and the folder's:
 * the nearest `duban.config.yaml|json`, `.dubanrc`... from `cwd` up to the root. They
 * merge by top-level key, the nearer file winning a key as a whole (the folder's
 * `notify` replaces the system's `notify`). String values may hold `${NAME}` and
 * `${file:PATH}` references (see expandReferences). No file is an empty config.
 *
 * @throws DubanError `CONFIG_INVALID` naming the file and the field path.
 */
export async function loadConfig(cwd: string, explicitFile?: string, options: LoadConfigOptions = {}): Promise<DubanConfig> {
  const env = options.env ?? process.env;
  const named = explicitFile ?? (env.DUBAN_CONFIG || undefined);
  const explorer = cosmiconfig('duban', { searchStrategy: 'none', searchPlaces: SEARCH_PLACES });
  if (named) {
    const layer = await readLayer(explorer, resolve(cwd, named), env);
    return merge(cwd, [layer], layer);
  }
  const systemFile = env.DUBAN_SYSTEM_CONFIG || SYSTEM_CONFIG_FILE;
  const userDir = env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, 'duban') : envPaths('duban', { suffix: '' }).config;
  const userFile = USER_FILES.map((name) => join(userDir, name)).find((file) => existsSync(file));
  const folderFile = await searchUpward(explorer, resolve(cwd));
  const folder = folderFile ? await readLayer(explorer, folderFile, env) : undefined;
  const layers = [
    existsSync(systemFile) ? await readLayer(explorer, systemFile, env) : undefined,
    userFile ? await readLayer(explorer, userFile, env) : undefined,
    folder,
  ].filter((layer): layer is Layer => layer !== undefined);
  return merge(cwd, layers, folder);
}

type Explorer = ReturnType<typeof cosmiconfig>;

// cosmiconfig's own upward search stops at the home folder and then falls back to the
// user's config folder, which duban merges as a layer of its own: walk the folders here.
async function searchUpward(explorer: Explorer, start: string): Promise<string | undefined> {
  const root = parse(start).root;
  for (let dir = start; ; dir = dirname(dir)) {
    const found = await explorer.search(dir).catch((cause: unknown) => configError(dir, cause));
    if (found) return found.filepath;
    if (dir === root) return undefined;
  }
}

async function readLayer(explorer: Explorer, file: string, env: NodeJS.ProcessEnv): Promise<Layer> {
  const found = await explorer.load(file).catch((cause: unknown) => configError(file, cause));
  const dir = dirname(file);
  if (!found || found.isEmpty) return { file, fields: {} };
  const parsed = configSchema.safeParse(expandReferences(found.config, { env, file, dir }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    throw new DubanError('CONFIG_INVALID', `${file}: ${path || '(root)'}: ${issue.message}`, { place: { file, path } });
  }
  return { file, fields: absolutePaths(parsed.data, dir) };
}

// Merged files come from different folders: a relative path means the folder of its own file.
function absolutePaths(fields: ConfigFields, dir: string): ConfigFields {
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(dir, path));
  return {
    ...fields,
    ...(fields.db !== undefined && fields.db !== ':memory:' && !fields.db.includes('://') ? { db: absolute(fields.db) } : {}),
    ...(fields.audit
      ? {
          audit: {
            ...fields.audit,
            ...(fields.audit.keyFile ? { keyFile: absolute(fields.audit.keyFile) } : {}),
            ...(fields.audit.anchorsFile ? { anchorsFile: absolute(fields.audit.anchorsFile) } : {}),
          },
        }
      : {}),
  };
}

function merge(cwd: string, layers: readonly Layer[], own: Layer | undefined): DubanConfig {
  const fields = Object.assign({}, ...layers.map((layer) => layer.fields)) as ConfigFields;
  const pluginsFrom = [...layers].reverse().find((layer) => layer.fields.plugins !== undefined);
  return {
    ...fields,
    configDir: own ? dirname(own.file) : cwd,
    ...(own ? { configFile: own.file } : {}),
    configFiles: layers.map((layer) => layer.file),
    ...(pluginsFrom ? { pluginsDir: dirname(pluginsFrom.file) } : {}),
  };
}

function configError(where: string, cause: unknown): never {
  throw new DubanError('CONFIG_INVALID', `${where}: ${(cause as Error).message}`, { place: { file: where }, cause });
}
