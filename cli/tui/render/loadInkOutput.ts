import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InkOutputClass } from './installFrameComposer.js';

/**
 * Ink's `Output` class and its version, loaded from the module Ink itself renders with:
 * the same file URL is the same module instance, so a change to its prototype is seen
 * by Ink's renderer. (Ink exports no such subpath, hence the file URL.) The CLI bundle,
 * which has Ink inside it, replaces this module with one that imports the bundled
 * `Output` (bin/bundle.js).
 */
export async function loadInkOutput(): Promise<{ version: string; Output: InkOutputClass }> {
  const buildDir = dirname(createRequire(import.meta.url).resolve('ink'));
  const { version } = JSON.parse(readFileSync(join(buildDir, '..', 'package.json'), 'utf8')) as { version: string };
  const { default: Output } = (await import(pathToFileURL(join(buildDir, 'output.js')).href)) as { default: InkOutputClass };
  return { version, Output };
}
