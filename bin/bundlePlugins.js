// esbuild plugins for bin/bundle.js: what it takes to put ES modules, some of which wait at
// their top level, into one CommonJS file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Resolves every `luxon`, imported or required, to its one ES build. cron `require`s luxon
 * and finds its CommonJS build; duban imports the ES build. Both would be bundled: twice
 * the code, and two luxons whose settings are not shared.
 */
export function oneLuxon(root) {
  return {
    name: 'one-luxon',
    setup(build) {
      build.onResolve({ filter: /^luxon$/ }, () => ({ path: join(root, 'node_modules/luxon/build/es6/luxon.mjs') }));
    },
  };
}

/**
 * The console patches Ink's `Output` class, which Ink does not export; outside the bundle
 * it is found by file URL in node_modules (cli/tui/render/loadInkOutput.ts). Inside, Ink
 * is bundled, and that module is replaced by one importing the bundled class: the one
 * Ink renders with.
 */
export function bundledInkOutput(root) {
  const inkBuild = dirname(createRequire(join(root, 'package.json')).resolve('ink'));
  const inkVersion = JSON.parse(readFileSync(join(inkBuild, '..', 'package.json'), 'utf8')).version;
  return {
    name: 'bundled-ink-output',
    setup(build) {
      build.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]tui[\\/]render[\\/]loadInkOutput\.js$/ }, () => ({
        contents: `import Output from ${JSON.stringify(join(inkBuild, 'output.js'))};\nexport async function loadInkOutput() { return { version: ${JSON.stringify(inkVersion)}, Output }; }\n`,
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/**
 * Yoga's module awaits its WebAssembly at the top, which CommonJS cannot. In the bundle,
 * `yoga-layout` is a module whose default export is filled in by `loadLayoutEngine()`
 * (cli/tui/render/loadLayoutEngine.ts), which the console awaits before importing Ink's
 * modules; they read Yoga only when they lay out, never at the top.
 */
export function deferredYoga(root) {
  return {
    name: 'deferred-yoga',
    setup(build) {
      build.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: 'yoga-layout', namespace: 'deferred-yoga' }));
      build.onLoad({ filter: /.*/, namespace: 'deferred-yoga' }, () => ({
        contents: [
          "import { loadYoga } from 'yoga-layout/load';",
          "export * from 'yoga-layout/load';",
          'const Yoga = {};',
          'export default Yoga;',
          'export async function initYoga() { if (Yoga.Node === undefined) Object.assign(Yoga, await loadYoga()); }',
        ].join('\n'),
        loader: 'js',
        resolveDir: root,
      }));
      build.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]tui[\\/]render[\\/]loadLayoutEngine\.js$/ }, () => ({
        contents: "export { initYoga as loadLayoutEngine } from 'yoga-layout';\n",
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/**
 * Ink waits at its top level only under `DEV=true`, to connect React's developer tools
 * (react-devtools-core, which duban does not ship) and to read its own package.json for
 * them. In the bundle both are answered at once: the tools are missing, as Ink reports
 * when they are not installed. The build fails if Ink's text no longer matches.
 */
export function inkWithoutDevtools() {
  const edits = [
    ["await import('./devtools.js');", "throw Object.assign(new Error('react-devtools-core is not part of duban'), { code: 'ERR_MODULE_NOT_FOUND' });"],
    ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
  ];
  return {
    name: 'ink-without-devtools',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, ({ path }) => {
        let contents = readFileSync(path, 'utf8');
        for (const [from, to] of edits) {
          if (!contents.includes(from)) throw new Error(`${path}: Ink changed, "${from}" is not in it; see bin/bundlePlugins.js`);
          contents = contents.replace(from, to);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

/**
 * A dynamic `import()` in a CommonJS bundle becomes `require`, which cannot load a plugin
 * written as an ES module. The module that imports config plugins is replaced by a
 * separate file, importModule.cjs, that Node compiles itself and so imports natively.
 */
export function nativeImport() {
  return {
    name: 'native-import',
    setup(build) {
      build.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]importModule\.js$/ }, () => ({
        contents: "export const importModule = require('./importModule.cjs');\n",
        loader: 'js',
      }));
      build.onResolve({ filter: /^\.\/importModule\.cjs$/ }, () => ({ path: './importModule.cjs', external: true }));
    },
  };
}

/** The text of dist/bundle/importModule.cjs (see {@link nativeImport}). */
export const IMPORT_MODULE_CJS = '// Written by bin/bundle.js: an import() compiled by Node itself.\nmodule.exports = (specifier) => import(specifier);\n';
