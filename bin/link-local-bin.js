#!/usr/bin/env node
// Makes `npx duban` run this checkout: npx looks in node_modules/.bin first, and a
// package's own bin is not linked there by `npm install`.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const link = join(root, 'node_modules', '.bin', 'duban');
try {
  mkdirSync(dirname(link), { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(join('..', '..', 'bin', 'duban.js'), link);
} catch (error) {
  // Not fatal: `node bin/duban.js` works without the link.
  process.stderr.write(`duban: could not link node_modules/.bin/duban: ${error.message}\n`);
}
