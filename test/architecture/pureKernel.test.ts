import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The pure kernel: core/kernel/ (the chain language and its forms, the compiler, guards,
 * refs, durations, access rules, the finding chain), and the access decision.
 */
const KERNEL = [...readdirSync(join(ROOT, 'core/kernel')).filter((f) => f.endsWith('.ts')).map((f) => `core/kernel/${f}`), 'core/access/decideAccess.ts'];

/** What does I/O: the store, database drivers, the file system, the network, processes. */
const IO = /^(kysely|better-sqlite3|pg|node:(fs|fs\/promises|net|http|https|child_process|dgram|dns|tls))$|core\/store\//;

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** Every module a file reaches, following relative imports through the core. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of imports(file)) {
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const target = relative(ROOT, resolve(dirname(join(ROOT, file)), spec)).split('\\').join('/').replace(/\.js$/, '.ts');
    if (existsSync(join(ROOT, target))) reach(target, seen);
    else seen.add(target);
  }
  return seen;
}

describe('the pure kernel', () => {
  it.each(KERNEL)('%s reaches no store, driver, file system or network, directly or through what it imports', (file) => {
    expect([...reach(file)].filter((m) => IO.test(m))).toEqual([]);
  });

  it('holds the chain language, compiler, guards, refs, durations and the finding chain', () => {
    expect(KERNEL).toEqual(expect.arrayContaining(['core/kernel/chainSchema.ts', 'core/kernel/compileChain.ts', 'core/kernel/guards.ts', 'core/kernel/refs.ts', 'core/kernel/duration.ts', 'core/kernel/findingChain.ts']));
  });

  it('the check follows imports and would see a store', () => {
    expect([...reach('core/runtime/Engine.ts')].some((m) => IO.test(m))).toBe(true);
  });
});
