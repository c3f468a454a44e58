import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of a chain file in the repository's `workflows/` folder. Plugins run both from
 * source (tests) and compiled into `dist/`, so the folder is found by walking up from
 * this module rather than by a fixed relative path.
 */
export function workflowFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'workflows', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(fileURLToPath(import.meta.url)), '..', 'workflows', name);
    dir = parent;
  }
}
