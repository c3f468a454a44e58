import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Importing a value from core/index.ts evaluates every module behind it (the chain parser,
// the YAML library, the report builder...), which is most of a command's start-up. The CLI
// and the demo import each core module directly; type-only imports cost nothing.
describe('the CLI and the demo do not load the core barrel at run time', () => {
  it.each(['cli', 'demo'])('%s/', (dir) => {
    const offending: string[] = [];
    for (const file of sourceFiles(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      const valueImports = [...text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/await\s+import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)];
      for (const [, spec] of valueImports) if (spec!.endsWith('/core/index.js')) offending.push(`${relative(ROOT, file)} -> ${spec}`);
    }
    expect(offending).toEqual([]);
  });
});
