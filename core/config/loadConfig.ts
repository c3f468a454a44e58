import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, resolve } from 'node:path';
import type { configExplorer } from './configExplorer.js';
import envPaths from 'env-paths';
import { DubanError } from '../errors/DubanError.js';
import type { DubanConfig } from './DubanConfig.js';

/** Where {@link loadConfig} looks besides the working folder; tests point these at temp folders. */
export interface LoadConfigOptions {
  /** Default `process.env`: `DUBAN_CONFIG`, `DUBAN_SYSTEM_CONFIG`, `XDG_CONFIG_HOME` and `${NAME}` references. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The system-wide config file when `DUBAN_SYSTEM_CONFIG` does not name another. */
export const SYSTEM_CONFIG_FILE = '/etc/duban/config.yaml';

const RC_EXTENSIONS = ['', '.json', '.yaml', '.yml', '.js', '.ts', '.cjs', '.mjs'];

/**
 * The names looked for in each folder, nearest first: cosmiconfig's defaults for `duban`
 * and `duban.config.json|yaml`, the names the docs give. A `package.json` counts only
 * with a `duban` key.
 */
export const SEARCH_PLACES: readonly string[] = [
  'package.json',
  ...RC_EXTENSIONS.map((ext) => `.dubanrc${ext}`),
  ...RC_EXTENSIONS.map((ext) => `.config/dubanrc${ext}`),
  ...['js', 'ts', 'cjs', 'mjs', 'json', 'yaml', 'yml'].map((ext) => `duban.config.${ext}`),
];
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
  const explorer = lazyExplorer();
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

type Explorer = ReturnType<typeof configExplorer>;

// cosmiconfig, its YAML parser and the config schema load only once there is a file to
// read: most commands run where there is none, and loading them is a good part of start-up.
function lazyExplorer(): () => Promise<Explorer> {
  let explorer: Promise<Explorer> | undefined;
  return () => (explorer ??= import('./configExplorer.js').then((m) => m.configExplorer(SEARCH_PLACES)));
}

// cosmiconfig's own upward search stops at the home folder and then falls back to the
// user's config folder, which duban merges as a layer of its own: walk the folders here.
// A folder with no candidate file is passed over without asking cosmiconfig.
async function searchUpward(explorer: () => Promise<Explorer>, start: string): Promise<string | undefined> {
  const root = parse(start).root;
  for (let dir = start; ; dir = dirname(dir)) {
    if (SEARCH_PLACES.some((place) => isCandidate(join(dir, place)))) {
      const found = await (await explorer()).search(dir).catch((cause: unknown) => configError(dir, cause));
      if (found) return found.filepath;
    }
    if (dir === root) return undefined;
  }
}

// A package.json is a candidate only with a `duban` key; a broken one is cosmiconfig's to report.
function isCandidate(file: string): boolean {
  if (!existsSync(file)) return false;
  if (!file.endsWith('package.json')) return true;
  try {
    return Object.hasOwn(JSON.parse(readFileSync(file, 'utf8')) as object, 'duban');
  } catch {
    return true;
  }
}

async function readLayer(explorer: () => Promise<Explorer>, file: string, env: NodeJS.ProcessEnv): Promise<Layer> {
  const found = await (await explorer()).load(file).catch((cause: unknown) => configError(file, cause));
  const dir = dirname(file);
  if (!found || found.isEmpty) return { file, fields: {} };
  const [{ configSchema }, { expandReferences }] = await Promise.all([import('./DubanConfig.js'), import('./expandReferences.js')]);
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
