import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The absolute path of a file of the repository, found by walking up from this module:
 * the bench runs compiled from `dist/bench/`, while the files it needs (the chain YAML,
 * `bin/duban.js`) stay where they are in the repository.
 *
 * @throws Error when no folder above holds `relative`.
 */
export function findRepoFile(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${relative} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
