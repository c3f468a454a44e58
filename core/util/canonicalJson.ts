import { createRequire } from 'node:module';

// canonicalize ships CommonJS with an ESM-style declaration; require() gives the function
// on every loader (tsc NodeNext, vitest, plain node) without a default-interop guess.
const serialize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

/** RFC 8785 canonical JSON: the same value always gives the same bytes (for hashing). */
export function canonicalJson(value: unknown): string {
  return serialize(value) ?? 'null';
}
