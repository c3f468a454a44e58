#!/usr/bin/env node
// Bundles tsc's JavaScript output (dist/) into a few files under dist/bundle/, so a command
// loads a handful of modules instead of resolving ~470. tsc runs first because it emits the
// decorator metadata tsyringe needs; esbuild only joins the files. The public entries (the
// host API, the plugin SDK, its testing kit) and the CLI are built together with code
// splitting: each module exists once, in one shared chunk, so a plugin importing
// `duban/plugin` and the CLI share one core (one DubanError class, one i18next, one Kysely).
// Modules a command imports lazily stay separate chunks, loaded only when it runs.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// react-devtools-core: Ink loads it only under DEV=true, and it is not installed.
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'pino', 'reflect-metadata', 'playwright-core', 'typescript', 'react-devtools-core'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const require = createRequire(import.meta.url);
const inkBuild = dirname(require.resolve('ink', { paths: [root] }));
const inkVersion = JSON.parse(readFileSync(join(inkBuild, '..', 'package.json'), 'utf8')).version;

/**
 * The console patches Ink's `Output` class, which Ink does not export; outside the bundle
 * it is found by file URL in node_modules (cli/tui/render/loadInkOutput.ts). Inside, Ink
 * is bundled, and that module is replaced by one importing the bundled class: the one
 * Ink renders with.
 */
const bundledInkOutput = {
  name: 'bundled-ink-output',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]tui[\\/]render[\\/]loadInkOutput\.js$/ }, () => ({
      contents: `import Output from ${JSON.stringify(join(inkBuild, 'output.js'))};\nexport async function loadInkOutput() { return { version: ${JSON.stringify(inkVersion)}, Output }; }\n`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/** Resolves every `luxon`, imported or required, to its one ES build. */
const oneLuxon = {
  name: 'one-luxon',
  setup(build) {
    build.onResolve({ filter: /^luxon$/ }, () => ({ path: join(root, 'node_modules/luxon/build/es6/luxon.mjs') }));
  },
};
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');

// Written over the previous build, not into an emptied folder: a running `duban` (or a
// test, or `npm install` of this folder running `prepare`) may be importing from it. Only
// changed files are written, each whole through a rename; chunk names carry their
// content's hash, so what a running process loads lazily stays. Files this build did not
// produce are removed last.
const { outputFiles } = await build({
  absWorkingDir: root,
  entryPoints: {
    'cli/main': 'dist/cli/main.js',
    'core/index': 'dist/core/index.js',
    'core/plugin/index': 'dist/core/plugin/index.js',
    'core/plugin/testing/index': 'dist/core/plugin/testing/index.js',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: resolving kysely, zod, yaml or i18next file by file is
  // most of a command's start-up, and Ink alone is some 600 files (es-toolkit's 415 for
  // one function). These stay in node_modules: native and worker-thread modules,
  // reflect-metadata (one global registry), and what only tests and tools load.
  external: EXTERNAL,
  chunkNames: 'chunks/[name]-[hash]',
  // cron `require`s luxon and finds its CommonJS build; duban imports the ES build. Both
  // would be bundled: twice the code, and two luxons whose settings are not shared.
  plugins: [oneLuxon, bundledInkOutput],
  // React and its reconciler choose their build by NODE_ENV when first required; decided
  // here, the development builds (two thirds of the console's code) are not shipped at
  // all, where otherwise every start of the console would parse them.
  define: { 'process.env.NODE_ENV': '"production"' },
  // tsyringe reads the decorator metadata tsc emits, which needs reflect-metadata loaded
  // before any decorated class is defined. With code splitting a chunk may run before the
  // entry's own imports, so every file imports it first.
  // Bundled CommonJS calls `require`, which an ES module does not have.
  banner: {
    js: "import 'reflect-metadata'; import { createRequire as __dubanCreateRequire } from 'node:module'; const require = __dubanCreateRequire(import.meta.url);",
  },
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  write: false,
  logLevel: 'warning',
});
for (const { path, contents } of outputFiles) {
  if (existsSync(path) && Buffer.compare(readFileSync(path), contents) === 0) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.${process.pid}.tmp`, contents);
  renameSync(`${path}.${process.pid}.tmp`, path);
}
const written = new Set(outputFiles.map((file) => file.path));
for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
  const file = join(entry.parentPath ?? entry.path, entry.name);
  if (entry.isFile() && !written.has(file)) rmSync(file);
}
