import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DubanError } from '../errors/DubanError.js';

/** Where {@link expandReferences} reads from: the environment and the config file's folder. */
export interface ReferenceSources {
  readonly env: NodeJS.ProcessEnv;
  /** The config file, named in errors; relative `${file:...}` paths are taken from its folder. */
  readonly file: string;
  readonly dir: string;
}

// `$${` is a literal `${`; `${NAME}` an environment variable; `${file:PATH}` a file's content.
const REFERENCE = /\$\$\{|\$\{([^}]*)\}/g;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Replaces references in every string value of a parsed config, so secrets (a database
 * password, a webhook key) need not sit in the file: `${NAME}` is the environment
 * variable NAME, `${file:/run/secrets/db}` the content of a file (one trailing newline
 * dropped; a relative path is taken from the config file's folder), `$${` a literal `${`.
 * Values are inserted as they are: a password inside a URL must be percent-encoded.
 *
 * @throws DubanError `CONFIG_INVALID` naming the file and the field when a variable is
 *   unset, a file unreadable or a reference malformed.
 */
export function expandReferences(value: unknown, sources: ReferenceSources, path: readonly (string | number)[] = []): unknown {
  if (typeof value === 'string') return expandString(value, sources, path);
  if (Array.isArray(value)) return value.map((item, i) => expandReferences(item, sources, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandReferences(item, sources, [...path, key])]));
  }
  return value;
}

function expandString(text: string, sources: ReferenceSources, path: readonly (string | number)[]): string {
  return text.replace(REFERENCE, (match, inner: string | undefined) => {
    if (inner === undefined) return '${';
    if (inner.startsWith('file:')) return readSecretFile(inner.slice('file:'.length), sources, path);
    if (!ENV_NAME.test(inner)) fail(sources, path, `"${match}" is neither \${NAME} nor \${file:PATH}`);
    const found = sources.env[inner];
    if (found === undefined) fail(sources, path, `the environment variable ${inner} is not set`);
    return found;
  });
}

function readSecretFile(name: string, sources: ReferenceSources, path: readonly (string | number)[]): string {
  if (name === '') fail(sources, path, '${file:} names no file');
  const file = resolve(sources.dir, name);
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (cause) {
    return fail(sources, path, `cannot read ${file}: ${(cause as Error).message}`);
  }
}

function fail(sources: ReferenceSources, path: readonly (string | number)[], message: string): never {
  const field = path.map(String).join('.');
  throw new DubanError('CONFIG_INVALID', `${sources.file}: ${field || '(root)'}: ${message}`, { place: { file: sources.file, path: field } });
}
