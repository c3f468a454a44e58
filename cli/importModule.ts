/**
 * Imports an ES module by URL or specifier: a config file's plugin. The CLI bundle is
 * CommonJS (so V8 can cache its compiled code, see bin/loadCompiled.cjs), and a dynamic
 * `import()` inside it would be rewritten to `require`, which cannot load a plugin written
 * as an ES module; the bundle replaces this module with dist/bundle/importModule.cjs,
 * which Node compiles itself and so imports natively (bin/bundle.js).
 */
export function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}
