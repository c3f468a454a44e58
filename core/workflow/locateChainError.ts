import { isNode, LineCounter, parseDocument } from 'yaml';
import { DubanError, isDubanError } from '../errors/DubanError.js';

/**
 * Adds the line to a `CHAIN_INVALID` error that knows only its field path, such as a
 * task type no loaded plugin provides (found when compiling, after parsing forgot the
 * file's positions). The chain's text is parsed again only on this error path. Any other
 * error is returned unchanged.
 *
 * @param text the chain file's text, as given to `parseChainSource`.
 * @returns an error whose message starts with `file:line: path: ...`.
 */
export function locateChainError(error: unknown, text: string): unknown {
  if (!isDubanError(error, 'CHAIN_INVALID') || !error.place?.path || error.place.line !== undefined) return error;
  const { file, path } = error.place;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const keys = path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  let line: number | undefined;
  // The deepest node of the path that exists in the file (a missing key is reported at its parent).
  for (let n = keys.length; n > 0 && line === undefined; n--) {
    const node = doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  if (line === undefined) return error;
  const prefix = `${file}: `;
  const rest = file && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new DubanError('CHAIN_INVALID', `${file ? `${file}:${line}` : `line ${line}`}: ${rest}`, {
    place: { ...error.place, line },
    details: error.details,
    cause: error,
  });
}
