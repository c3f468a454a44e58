import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from '../util/zod.js';
import { DubanError } from '../errors/DubanError.js';
import type { AuditAnchor } from './AuditAnchor.js';

const anchorSchema = z.strictObject({
  seq: z.number().check(z.int(), z.gte(0)),
  hash: z.string(),
  at: z.string(),
  keyId: z.string().check(z.minLength(1)),
  sig: z.string().check(z.minLength(1)),
});

/** An anchor as read back, with the line it is on. */
export interface AnchorLine {
  readonly line: number;
  readonly anchor: AuditAnchor;
}

/** Appends one anchor as one JSON line (the file is created with its folder). */
export function appendAnchor(file: string, anchor: AuditAnchor): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o644 });
}

/**
 * Reads an anchors file; a missing file holds none.
 *
 * @throws DubanError `INPUT_INVALID` naming `file:line` of a line that is not an anchor.
 */
export function readAnchors(file: string): AnchorLine[] {
  if (!existsSync(file)) return [];
  const anchors: AnchorLine[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const result = anchorSchema.safeParse(parsed);
      if (!result.success) throw new DubanError('INPUT_INVALID', `${file}:${i + 1}: not an audit anchor`, { place: { file, line: i + 1 } });
      anchors.push({ line: i + 1, anchor: result.data });
    });
  return anchors;
}
