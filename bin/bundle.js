#!/usr/bin/env node
// Bundles tsc's JavaScript output (dist/) into one CommonJS file, dist/bundle/duban.cjs, so a
// command reads and compiles one file instead of resolving ~470 modules, and V8 can cache
// that file's compiled code (bin/loadCompiled.cjs; Node 20 caches no ES module). tsc runs
// first because it emits the decorator metadata tsyringe needs; esbuild only joins the files.
//
// The file holds the CLI and the public entries (the host API, the plugin SDK, its testing
// kit), so a plugin importing `duban/plugin` and the CLI share one core: one DubanError
// class, one i18next, one Kysely. Nothing in it runs at load: each part is evaluated when it
// is first imported (the console, the reports, each plugin only when a command needs them).
// The public entries are small ES modules that take their part from the one file.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT_MODULE_CJS, bundledInkOutput, deferredYoga, inkWithoutDevtools, nativeImport, oneLuxon } from './bundlePlugins.js';

// react-devtools-core: Ink loads it only under DEV=true, and it is not installed.
// pinyin-pro: loaded only when a person picker opens, and the one library whose code is not
// ASCII (see the check below).
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'pino', 'reflect-metadata', 'playwright-core', 'typescript', 'react-devtools-core', 'pinyin-pro'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');
const bundleFile = join(outdir, 'duban.cjs');

/** The public entries: package.json's export, its module in dist/, and its accessor in the bundle. */
const ENTRIES = [
  { file: 'core/index.js', source: './dist/core/index.js', accessor: 'hostApi' },
  { file: 'core/plugin/index.js', source: './dist/core/plugin/index.js', accessor: 'pluginSdk' },
  { file: 'core/plugin/testing/index.js', source: './dist/core/plugin/testing/index.js', accessor: 'pluginTesting' },
];

// Each export is a function, so loading the file evaluates nothing; `require` of a bundled
// ES module evaluates it (and what it imports) on first call, once.
const entry = [
  "export const runCli = (argv) => require('./dist/cli/main.js').runCli(argv);",
  ...ENTRIES.map((e) => `export const ${e.accessor} = () => require(${JSON.stringify(e.source)});`),
].join('\n');

const { outputFiles, metafile } = await build({
  absWorkingDir: root,
  stdin: { contents: entry, resolveDir: root, sourcefile: 'duban-bundle-entry.js', loader: 'js' },
  outfile: bundleFile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: resolving kysely, zod, yaml or i18next file by file is
  // most of a command's start-up, and Ink alone is some 600 files (es-toolkit's 415 for
  // one function). These stay in node_modules: native and worker-thread modules,
  // reflect-metadata (one global registry), and what only tests and tools load.
  external: EXTERNAL,
  // Every import() left is of a bundled module or a CommonJS package: as `require`, it
  // needs no ES module loader (see nativeImport for the one that does).
  supported: { 'dynamic-import': false },
  plugins: [oneLuxon(root), bundledInkOutput(root), deferredYoga(root), inkWithoutDevtools(), nativeImport()],
  // React and its reconciler choose their build by NODE_ENV when first required; decided
  // here, the development builds (two thirds of the console's code) are not shipped at all.
  // `import.meta.url` is the bundle's own URL, as it was each chunk's in an ES build.
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__dubanBundleUrl' },
  // tsyringe reads the decorator metadata tsc emits, which needs reflect-metadata loaded
  // before any decorated class is defined.
  banner: { js: "require('reflect-metadata'); const __dubanBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  metafile: true,
  write: false,
  logLevel: 'warning',
});

// Written over the previous build, not into an emptied folder: a running `duban` (or a
// test, or `npm install` of this folder running `prepare`) may be reading from it. Only
// changed files are written, each whole through a rename. Files this build did not
// produce are removed last.
const written = new Set();
const put = (path, contents) => {
  written.add(path);
  if (existsSync(path) && Buffer.compare(readFileSync(path), Buffer.from(contents)) === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.${process.pid}.tmp`, contents);
  renameSync(`${path}.${process.pid}.tmp`, path);
};
for (const { path, contents } of outputFiles) {
  // bin/loadCompiled.cjs reads the bundle as latin1, which is exact for ASCII only.
  const at = path === bundleFile ? contents.findIndex((byte) => byte > 0x7f) : -1;
  if (at >= 0) throw new Error(`${path}: byte ${at} is not ASCII (${Buffer.from(contents.subarray(Math.max(0, at - 40), at + 20)).toString()}); keep its module outside the bundle`);
  put(path, contents);
}
put(join(outdir, 'importModule.cjs'), IMPORT_MODULE_CJS);

// Each public entry re-exports, by name, what its part of the bundle exports at run time.
const bundle = createRequire(import.meta.url)(bundleFile);
for (const e of ENTRIES) {
  const names = Object.keys(bundle[e.accessor]()).sort();
  const up = relative(dirname(join(outdir, e.file)), bundleFile);
  const from = up.startsWith('.') ? up : `./${up}`;
  put(
    join(outdir, e.file),
    [
      `// Written by bin/bundle.js: ${e.source.slice(2)}, taken from the one bundle the CLI runs.`,
      "import { createRequire } from 'node:module';",
      `const part = createRequire(import.meta.url)(${JSON.stringify(from)}).${e.accessor}();`,
      `export const { ${names.join(', ')} } = part;`,
      '',
    ].join('\n'),
  );
}
// What the bundle imports statically and lazily, for the tests that hold a command's
// start-up to what it needs (it is not shipped).
put(join(dist, 'bundle.meta.json'), JSON.stringify(metafile));

const items = readdirSync(outdir, { recursive: true, withFileTypes: true });
for (const item of items) {
  const file = join(item.parentPath ?? item.path, item.name);
  if (item.isFile() && !written.has(file)) rmSync(file);
}
// Deepest first, so a folder emptied of folders goes too.
for (const item of items.filter((i) => i.isDirectory()).reverse()) {
  const folder = join(item.parentPath ?? item.path, item.name);
  if (readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
}
