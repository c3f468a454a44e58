// Loads the CLI bundle, a CommonJS file, with V8's compiled code cached on disk. Node 20
// caches nothing itself (module.enableCompileCache came in 22.1), and compiling the
// bundle is most of what a command costs before it does anything: with the cache, V8
// takes the bytecode of every function the first run compiled instead of parsing again.
//
// The cache is keyed by a hash of the bundle's text, Node's version and the platform, so
// a rebuilt or upgraded duban never runs code compiled from another text (V8's own check
// compares only the text's length). Each file starts with the hash of what follows: a
// truncated or damaged file is ignored, and the bundle compiles from its text. The cache
// lives in the user's own cache folder, never in a shared temp folder, and is used only
// when that folder and the entry are the running user's and no one else can write them:
// an entry is code this process runs. Any failure to read or write it costs speed only.
//
// CommonJS, as bin/duban.js requires it: an ES module importing Node's built-in modules
// builds a facade of each one's exports, milliseconds a command would pay for nothing.
'use strict';
const { createHash } = require('node:crypto');
const { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { Module, createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const CHECK_BYTES = 20;
// Entries kept per build: one per kind of command a user runs, within reason.
const MAX_KINDS = 16;

/**
 * The folder for cached code: `$XDG_CACHE_HOME/duban/v8`, else `~/.cache/duban/v8`; null
 * when there is no home, or `NODE_DISABLE_COMPILE_CACHE` is set (Node's own switch).
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
function compileCacheDir(env = process.env) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  try {
    const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
    return join(base, 'duban', 'v8');
  } catch {
    return null;
  }
}

/**
 * Loads `file`, a CommonJS module, as `require` would (one instance: a later
 * `require(file)` returns the same exports), compiling it with cached code from
 * `cacheDir` when there is a valid entry.
 *
 * Commands compile different parts of the bundle (the console is most of it), so each kind
 * of command has its own entry, holding what that kind ran: a command deserializes only
 * code it is likely to run, and the console's start finds the console compiled.
 *
 * @param {string} file
 * @param {string | null} cacheDir
 * @param {string} kind which entry: see {@link entryKind}
 * @returns {{ exports: any, cache: 'used' | 'absent' | 'rejected' | 'off', save: () => boolean }}
 *   `save` writes the code compiled so far (call it once the command has run, so the
 *   functions it needed are in) when there was no usable entry, and tells if it wrote.
 */
function loadCompiled(file, cacheDir, kind = 'main') {
  const filename = realpathSync(file);
  const bytes = readFileSync(filename);
  // Entries are per install and Node; a new build's first save removes the old build's.
  const owner = createHash('sha1').update(`${process.version}\0${process.arch}\0${filename}`).digest('hex').slice(0, 16);
  const build = `${owner}-${createHash('sha1').update(bytes).digest('hex')}-`;
  const key = `${build}${kind}`;
  // The bundle is ASCII (bin/bundle.js checks), which latin1 decodes as it is, and faster.
  const text = bytes.toString('latin1');
  const cacheFile = cacheDir === null || !ownFolder(cacheDir) ? null : join(cacheDir, `${key}.bin`);
  const cachedData = cacheFile === null ? undefined : readEntry(cacheFile);
  const script = new Script(Module.wrap(text), { filename, cachedData });
  const cache = cacheFile === null ? 'off' : cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';

  const module = new Module(filename, undefined);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(dirname(filename));
  Module._cache[filename] = module;
  try {
    script.runInThisContext().call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  } catch (error) {
    delete Module._cache[filename];
    throw error;
  }
  module.loaded = true;

  const save = () => {
    if (cacheFile === null || cache === 'used') return false;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
      if (!ownFolder(dirname(cacheFile))) return false;
      const data = script.createCachedData();
      // Written whole, then renamed: a process reading at the same time sees the old
      // entry or the new one, never half of one. `wx`: never through a planted link.
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, Buffer.concat([createHash('sha1').update(data).digest(), data]), { mode: 0o600, flag: 'wx' });
      renameSync(temp, cacheFile);
      prune(cacheDir, owner, build);
      return true;
    } catch {
      return false;
    }
  };
  return { exports: module.exports, cache, save };
}

/**
 * The entry kind of a command line: its first word that is not an option (`findings`,
 * `tui`), or `main`. An option's value taken for the word (`--db x.db findings`) only
 * makes an entry of its own, as the same line makes each time.
 *
 * @param {readonly string[]} args the arguments after the script
 * @returns {string}
 */
function entryKind(args) {
  const word = args.find((arg) => !arg.startsWith('-'));
  return word !== undefined && /^[a-z][a-z0-9-]{0,31}$/.test(word) ? word : 'main';
}

/**
 * Removes the entries of this install's other builds, and of this build all but the
 * newest {@link MAX_KINDS}, so the folder holds what the installed duban can use.
 */
function prune(cacheDir, owner, build) {
  const ours = [];
  for (const name of readdirSync(cacheDir)) {
    if (!name.startsWith(`${owner}-`)) continue;
    if (!name.startsWith(build)) rmSync(join(cacheDir, name), { force: true });
    else if (name.endsWith('.bin')) ours.push({ name, at: statSync(join(cacheDir, name)).mtimeMs });
  }
  ours.sort((a, b) => b.at - a.at);
  for (const { name } of ours.slice(MAX_KINDS)) rmSync(join(cacheDir, name), { force: true });
}

/**
 * Whether `dir` may hold code this process runs: missing (it is made 0700 when first
 * written), or a real folder of this process's user that no one else can write. A
 * command run under sudo with another user's home, or a folder others can write, gets
 * no cache rather than code someone else could have put there.
 */
function ownFolder(dir) {
  try {
    const stat = lstatSync(dir);
    return stat.isDirectory() && isOurs(stat);
  } catch (error) {
    return error.code === 'ENOENT';
  }
}

/** Owned by this process's effective user, and writable by no one else. */
function isOurs(stat) {
  return (process.geteuid === undefined || stat.uid === process.geteuid()) && (stat.mode & 0o022) === 0;
}

/** The cached code in `cacheFile`, or undefined when it is missing, not ours, or does not match its hash. */
function readEntry(cacheFile) {
  let bytes;
  try {
    const fd = openSync(cacheFile, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      if (!isOurs(fstatSync(fd))) return undefined;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (bytes.length <= CHECK_BYTES) return undefined;
  const data = bytes.subarray(CHECK_BYTES);
  return createHash('sha1').update(data).digest().equals(bytes.subarray(0, CHECK_BYTES)) ? data : undefined;
}

module.exports = { compileCacheDir, entryKind, loadCompiled };
