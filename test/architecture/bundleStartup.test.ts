import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// bin/bundle.js writes what esbuild saw: every module of the CLI bundle and how each is
// imported. In the CommonJS bundle a module imported statically is evaluated with its
// importer; one reached only through `import()` is evaluated when that runs. So what a
// command pays for at start is what the CLI's entry reaches through static edges.
const META = fileURLToPath(new URL('../../dist/bundle.meta.json', import.meta.url));

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
}

function readMeta(): Metafile {
  if (!existsSync(META)) throw new Error('dist/bundle.meta.json is missing: run `npm run build` first (npm test does)');
  return JSON.parse(readFileSync(META, 'utf8')) as Metafile;
}

/** The modules evaluated with `from`: it and what it reaches by import statements and `require` calls. */
function evaluatedWith(meta: Metafile, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const edge of meta.inputs[path]?.imports ?? []) if (edge.kind !== 'dynamic-import' && !edge.external) queue.push(edge.path);
  }
  return seen;
}

describe('the CLI bundle evaluates only what a command needs', () => {
  const meta = readMeta();

  it('evaluates nothing when loaded: the CLI and each public entry are taken on first call', () => {
    const entry = meta.inputs['duban-bundle-entry.js']!;
    const bundled = entry.imports.filter((edge) => !edge.external);
    expect(bundled.map((edge) => edge.path).sort()).toEqual(['dist/cli/main.js', 'dist/core/index.js', 'dist/core/plugin/index.js', 'dist/core/plugin/testing/index.js']);
    // Each is required inside an accessor function, never at the top (see bin/bundle.js).
    expect(readFileSync(fileURLToPath(new URL('../../bin/bundle.js', import.meta.url)), 'utf8')).toMatch(/export const \$\{e\.accessor\} = \(\) => require\(/);
  });

  it('keeps the console, the spreadsheet writer and the pinyin matcher out of a command start', () => {
    const atStart = [...evaluatedWith(meta, 'dist/cli/main.js')];
    // The walk itself: the command tree and its parser are evaluated at start.
    expect(atStart).toEqual(expect.arrayContaining(['dist/cli/buildProgram.js', expect.stringMatching(/^node_modules\/commander\//)]));
    expect(atStart.filter((path) => /node_modules\/(ink|react|react-reconciler|yoga-layout|write-excel-file|pinyin-pro)\//.test(path))).toEqual([]);
    expect(atStart.filter((path) => /^dist\/cli\/tui\/(runTui|mountConsole|App)\.js$|renderXlsx|buildDemoHospital/.test(path))).toEqual([]);
  });

  it('keeps the core barrel out of a command start', () => {
    expect(evaluatedWith(meta, 'dist/cli/main.js').has('dist/core/index.js')).toBe(false);
  });

  it('reaches the console only through the tui command', () => {
    expect(evaluatedWith(meta, 'dist/cli/tui/runTui.js').has('dist/cli/tui/mountConsole.js')).toBe(false);
    expect(evaluatedWith(meta, 'dist/cli/tui/mountConsole.js').has('node_modules/ink/build/index.js')).toBe(true);
  });
});
