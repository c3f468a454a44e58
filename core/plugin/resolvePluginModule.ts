import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolve as resolveSpecifier } from 'import-meta-resolve';
import { DubanError } from '../errors/DubanError.js';

/**
 * The URL of the module a config's `plugins` entry names, resolved from the config file's
 * folder the way Node's ESM loader would: a path (`./radiology`, a file or a package
 * folder, its `exports` or `main`) or a package name installed beside the config
 * (`@hospital/duban-radiology`), ESM-only packages included (`exports` with only an
 * `import` condition, which `require.resolve` cannot see).
 *
 * @throws DubanError `PLUGIN_LOAD_FAILED` naming the entry when nothing is found.
 */
export function resolvePluginModule(ref: string, configDir: string): string {
  try {
    if (ref.startsWith('.') || isAbsolute(ref)) {
      const path = resolvePath(configDir, ref);
      return pathToFileURL(statSync(path).isDirectory() ? packageEntry(path) : path).href;
    }
    return resolveSpecifier(ref, pathToFileURL(join(configDir, 'duban.config.js')).href);
  } catch (cause) {
    throw new DubanError('PLUGIN_LOAD_FAILED', `cannot find plugin "${ref}" from ${configDir}: ${(cause as Error).message}`, { cause, place: { path: 'plugins' } });
  }
}

// A package folder named by path: its `exports` ('.', import or default), else `main`, else index.js.
function packageEntry(folder: string): string {
  let manifest: { exports?: unknown; main?: string } = {};
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as typeof manifest;
  } catch {
    return join(folder, 'index.js');
  }
  const target = exportTarget(manifest.exports);
  return join(folder, target ?? manifest.main ?? 'index.js');
}

function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (!exports || typeof exports !== 'object') return undefined;
  const record = exports as Record<string, unknown>;
  if ('.' in record) return exportTarget(record['.']);
  for (const condition of ['import', 'node', 'default']) {
    const found = exportTarget(record[condition]);
    if (found) return found;
  }
  return undefined;
}
