import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SDK = 'core/plugin/index.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function specifiers(text: string): string[] {
  return [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

// The built-in plugins are written as any hospital's would be: against duban/plugin alone.
describe('the built-in plugins use nothing of the host but the SDK', () => {
  const plugins = readdirSync(join(ROOT, 'plugins'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

  it('finds the three plugins', () => {
    expect(plugins.sort()).toEqual(['medtech', 'quality-office', 'tb-lab']);
  });

  it.each(['medtech', 'quality-office', 'tb-lab'])('plugins/%s imports the host only through duban/plugin, and no Kysely of its own', (plugin) => {
    const offending: string[] = [];
    for (const file of sourceFiles(join('plugins', plugin))) {
      for (const spec of specifiers(readFileSync(join(ROOT, file), 'utf8'))) {
        if (spec === 'kysely') offending.push(`${file} -> ${spec}`);
        if (!spec.startsWith('.')) continue;
        const target = relative(ROOT, resolve(dirname(join(ROOT, file)), spec)).split('\\').join('/').replace(/\.js$/, '.ts');
        const own = target.startsWith(`plugins/${plugin}/`) || target === 'plugins/workflowFile.ts';
        if (!own && target !== SDK) offending.push(`${file} -> ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
