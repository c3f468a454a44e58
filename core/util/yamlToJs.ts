import type { Document } from 'yaml';
import { DubanError } from '../errors/DubanError.js';
import type { ErrorCode } from '../errors/errorCodes.js';

/**
 * The value of a parsed YAML document. The parser accepts some documents that cannot
 * become a value (an alias whose anchor was removed); that is bad input like any other,
 * reported with the file and the caller's code rather than thrown as a ReferenceError.
 */
export function yamlToJs(doc: Document, file: string, code: ErrorCode): unknown {
  try {
    return doc.toJS();
  } catch (cause) {
    throw new DubanError(code, `${file}: ${(cause as Error).message}`, { place: { file }, cause });
  }
}
