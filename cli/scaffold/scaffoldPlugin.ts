import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { DubanError } from '../../core/errors/DubanError.js';
import { pluginTemplates } from './pluginTemplates.js';

/** What {@link scaffoldPlugin} wrote. */
export interface ScaffoldResult {
  readonly folder: string;
  readonly files: readonly string[];
  readonly configFile: string;
}

/**
 * Writes a new plugin package into `<parent>/<id>/` and adds it to the config file's `plugins`
 * (the existing `duban.config.json|yaml`, else a new `duban.config.json` in `cwd`), so
 * `duban plugins doctor` checks it at once.
 *
 * @throws DubanError `USAGE` for a bad id; `INPUT_INVALID` when the folder exists
 * (nothing is overwritten).
 */
export async function scaffoldPlugin(id: string, parent: string, cwd: string, existingConfig: string | undefined, engineVersion: string): Promise<ScaffoldResult> {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) {
    throw new DubanError('USAGE', `plugin id "${id}": lower-case letters, digits and - only, starting with a letter`, { place: { argument: '<id>' } });
  }
  const folder = resolve(cwd, parent, id);
  if (existsSync(folder)) {
    throw new DubanError('INPUT_INVALID', `${folder} already exists; choose another id or --dir`, { place: { argument: '<id>' } });
  }
  const files = pluginTemplates(id, `^${engineVersion.split('.').slice(0, 2).join('.')}.0`);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text, 'utf8');
  }
  const configFile = existingConfig ?? join(cwd, 'duban.config.json');
  // The package folder: duban loads what its `exports` names (dist/index.js, once built).
  const entry = `./${relative(dirname(configFile), folder).split('\\').join('/')}`;
  await addToConfig(configFile, entry);
  return { folder, files: Object.keys(files), configFile };
}

async function addToConfig(file: string, entry: string): Promise<void> {
  const exists = existsSync(file);
  const text = exists ? await readFile(file, 'utf8') : '';
  if (/\.ya?ml$/.test(file) || (basename(file) === '.dubanrc' && !text.trim().startsWith('{'))) {
    // Edit the YAML document in place so comments and layout survive.
    const doc = parseDocument(text || '{}');
    const plugins = (doc.get('plugins') as { toJSON?: () => unknown } | undefined)?.toJSON?.() as string[] | undefined;
    doc.set('plugins', [...(plugins ?? []).filter((p) => p !== entry), entry]);
    await writeFile(file, doc.toString(), 'utf8');
    return;
  }
  const config = exists && text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
  const plugins = Array.isArray(config.plugins) ? (config.plugins as string[]) : [];
  config.plugins = [...plugins.filter((p) => p !== entry), entry];
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, 'utf8');
}
