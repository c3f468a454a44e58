import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORE = join(ROOT, 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file names: static imports and exports, `import()` and `import type`. */
function specifiers(text: string): string[] {
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!));
}

// DESIGN.md: core/ knows no department and no screen. It may be imported by plugins/, demo/
// and cli/, never the other way round.
describe('core/ layering', () => {
  const files = sourceFiles(CORE);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((f) => relative(ROOT, f))).toContain(join('core', 'runtime', 'Engine.ts'));
  });

  it('no file under core/ imports from plugins/, cli/ or demo/', () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(ROOT, resolve(dirname(file), spec));
        if (/^(plugins|cli|demo)([/\\]|$)/.test(target)) offending.push(`${relative(ROOT, file)} -> ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('the check sees through every import form (it would catch a violation)', () => {
    const sample = [
      "import { a } from '../../plugins/x.js';",
      "export { b } from '../cli/y.js';",
      "const c = await import('../../cli/z.js');",
      "import type { D } from '../../plugins/d.js';",
      "import '../../cli/side-effect.js';",
    ].join('\n');
    expect(specifiers(sample)).toEqual(['../../plugins/x.js', '../cli/y.js', '../../plugins/d.js', '../../cli/z.js', '../../cli/side-effect.js']);
  });
});
