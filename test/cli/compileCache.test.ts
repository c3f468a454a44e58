import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

type Loaded = { exports: { answer: () => string }; cache: 'used' | 'absent' | 'rejected' | 'off'; save: () => boolean };
const require = createRequire(import.meta.url);
const { compileCacheDir, entryKind, loadCompiled } = require('../../bin/loadCompiled.cjs') as {
  compileCacheDir: (env: NodeJS.ProcessEnv) => string | null;
  entryKind: (args: readonly string[]) => string;
  loadCompiled: (file: string, cacheDir: string | null, kind?: string) => Loaded;
};
const BIN = fileURLToPath(new URL('../../bin/duban.js', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'duban-compile-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A CommonJS module at a path of its own (each load is a fresh module), answering `text`. */
function moduleFile(text: string): string {
  const file = join(dir, `m${n++}.cjs`);
  writeFileSync(file, `exports.answer = function answer() { return ${JSON.stringify(text)}; };\n`);
  return file;
}

function entries(cacheDir: string): string[] {
  try {
    return readdirSync(cacheDir);
  } catch {
    return [];
  }
}

describe('the CLI bundle is compiled with its code cached on disk', () => {
  it('compiles a module without a cache entry, saves one, and the next load takes it', () => {
    const cache = join(dir, 'cache-a');
    const file = moduleFile('first');
    const first = loadCompiled(file, cache);
    expect(first.cache).toBe('absent');
    expect(first.exports.answer()).toBe('first');
    expect(first.save()).toBe(true);
    expect(entries(cache)).toHaveLength(1);

    // The same text at the same path, loaded afresh, as the next command is.
    delete require.cache[file];
    const second = loadCompiled(file, cache);
    expect(second.cache).toBe('used');
    expect(second.exports.answer()).toBe('first');
    expect(second.save()).toBe(false);
  });

  it('is one module: require of the same file afterwards returns the loaded exports', () => {
    const file = moduleFile('one');
    const loaded = loadCompiled(file, null);
    expect(require(file)).toBe(loaded.exports);
    expect(loaded.cache).toBe('off');
    expect(loaded.save()).toBe(false);
  });

  it('never runs code cached from another text, even of the same length', () => {
    const cache = join(dir, 'cache-b');
    const file = moduleFile('aaaa');
    loadCompiled(file, cache).save();
    // Rebuilt in place: same path, same length, other text.
    writeFileSync(file, readFileSync(file, 'utf8').replace('aaaa', 'bbbb'));
    delete require.cache[file];
    const rebuilt = loadCompiled(file, cache);
    expect(rebuilt.cache).toBe('absent');
    expect(rebuilt.exports.answer()).toBe('bbbb');
    // Its entry replaces the old build's.
    expect(rebuilt.save()).toBe(true);
    expect(entries(cache)).toHaveLength(1);
  });

  it('ignores a damaged or truncated entry and compiles from the text', () => {
    const cache = join(dir, 'cache-c');
    const file = moduleFile('whole');
    loadCompiled(file, cache).save();
    const [name] = entries(cache);
    const entry = join(cache, name!);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(entry, bytes);
    delete require.cache[file];
    const damaged = loadCompiled(file, cache);
    expect(damaged.cache).toBe('absent');
    expect(damaged.exports.answer()).toBe('whole');

    writeFileSync(entry, bytes.subarray(0, 10));
    delete require.cache[file];
    expect(loadCompiled(file, cache).cache).toBe('absent');
  });

  it('keeps an entry per kind of command, drops the old build’s when a new one saves, and keeps at most 16', () => {
    const cache = join(dir, 'cache-d');
    const file = moduleFile('kinds');
    for (const kind of ['findings', 'tui']) {
      delete require.cache[file];
      expect(loadCompiled(file, cache, kind).save()).toBe(true);
    }
    expect(entries(cache).map((name) => name.replace(/^.*-/, '')).sort()).toEqual(['findings.bin', 'tui.bin']);
    delete require.cache[file];
    expect(loadCompiled(file, cache, 'tui').cache).toBe('used');

    writeFileSync(file, readFileSync(file, 'utf8').replace('kinds', 'other'));
    delete require.cache[file];
    expect(loadCompiled(file, cache, 'findings').save()).toBe(true);
    expect(entries(cache).map((name) => name.replace(/^.*-/, ''))).toEqual(['findings.bin']);

    for (let k = 0; k < 20; k++) {
      delete require.cache[file];
      loadCompiled(file, cache, `kind${k}`).save();
    }
    expect(entries(cache)).toHaveLength(16);
  });

  it('names the kind by the first word that is not an option', () => {
    expect(entryKind(['findings', 'list', '--db', 'x.db'])).toBe('findings');
    expect(entryKind(['--lang', 'en', 'tui'])).toBe('en');
    expect(entryKind(['--help'])).toBe('main');
    expect(entryKind(['../x/../../etc'])).toBe('main');
  });

  it('uses no folder or entry that someone else could have written', () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    const inShared = loadCompiled(moduleFile('shared'), shared);
    expect(inShared.cache).toBe('off');
    expect(inShared.save()).toBe(false);
    expect(entries(shared)).toEqual([]);

    const cache = join(dir, 'cache-e');
    const file = moduleFile('mine');
    loadCompiled(file, cache).save();
    const [name] = entries(cache);
    chmodSync(join(cache, name!), 0o666);
    delete require.cache[file];
    expect(loadCompiled(file, cache).cache).toBe('absent');

    // An entry that is a link to a file elsewhere is not followed.
    chmodSync(join(cache, name!), 0o600);
    renameSync(join(cache, name!), join(dir, 'elsewhere.bin'));
    symlinkSync(join(dir, 'elsewhere.bin'), join(cache, name!));
    delete require.cache[file];
    expect(loadCompiled(file, cache).cache).toBe('absent');
  });

  it('still loads when the cache folder cannot be written', () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the folder would be');
    const loaded = loadCompiled(moduleFile('works'), join(blocked, 'v8'));
    expect(loaded.exports.answer()).toBe('works');
    expect(loaded.save()).toBe(false);
  });

  it('keeps the cache in the user’s cache folder, and Node’s NODE_DISABLE_COMPILE_CACHE turns it off', () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/duban/v8');
    expect(compileCacheDir({ HOME: '/home/office' })).toMatch(/\/\.cache\/duban\/v8$/);
    expect(compileCacheDir({ XDG_CACHE_HOME: '/x/cache', NODE_DISABLE_COMPILE_CACHE: '1' })).toBeNull();
  });

  it('duban writes its entry on the first command and answers the same from it on the next', () => {
    const cacheHome = join(dir, 'home-cache');
    const run = () => spawnSync(process.execPath, [BIN, 'tb', 'classify', '--lab', 'NEG', '--controller', '1+', '--json'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, DUBAN_LANG: 'en' } });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(entries(join(cacheHome, 'duban', 'v8')).filter((f) => f.endsWith('-tb.bin'))).toHaveLength(1);
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(entries(join(cacheHome, 'duban', 'v8'))).toHaveLength(1);
  });
});
