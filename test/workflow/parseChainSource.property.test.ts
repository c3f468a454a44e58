import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDubanError, parseChainSource } from '../../core/index.js';
import { REPO_ROOT } from '../support/cli.js';

const SPOT_CHECK = readFileSync(`${REPO_ROOT}workflows/spot-check.yaml`, 'utf8');
const LINES = SPOT_CHECK.split('\n');

/** Parses, and returns the outcome as a value: the chain, or the coded refusal. */
function outcome(text: string) {
  try {
    return { ok: true as const, parsed: parseChainSource(text, 'gen.yaml') };
  } catch (error) {
    return { ok: false as const, error };
  }
}

/** A refusal must be CHAIN_INVALID naming the file, and a line that exists in the text. */
function expectCodedRefusal(text: string, error: unknown): void {
  expect(isDubanError(error, 'CHAIN_INVALID') || isDubanError(error, 'CHAIN_RULE_MISSING'), String(error)).toBe(true);
  if (!isDubanError(error)) return;
  expect(error.message.startsWith('gen.yaml')).toBe(true);
  expect(error.place?.file).toBe('gen.yaml');
  const line = error.place?.line;
  if (line !== undefined) {
    expect(line).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(text.split('\n').length + 1);
    expect(error.message.startsWith(`gen.yaml:${line}: `)).toBe(true);
  }
}

// Generated bad input: whatever a chain file holds, parsing ends in a chain or in a coded
// error naming the place, never in a crash of another kind.
describe('parseChainSource on generated input', () => {
  it('any text: a chain or CHAIN_INVALID naming file and line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = outcome(text);
        if (!result.ok) expectCodedRefusal(text, result.error);
      }),
      { numRuns: 300 },
    );
  });

  it('a real chain with lines dropped, duplicated or overwritten: the same', () => {
    const edit = fc.record({
      at: fc.nat({ max: LINES.length - 1 }),
      kind: fc.constantFrom('drop', 'duplicate', 'replace', 'indent'),
      with: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('target: nowhere', 'after: soon', '  - [', 'version: 0', 'task: x.y', '{', ':')),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const lines = [...LINES];
        for (const e of edits) {
          const at = Math.min(e.at, lines.length - 1);
          if (e.kind === 'drop') lines.splice(at, 1);
          else if (e.kind === 'duplicate') lines.splice(at, 0, lines[at]!);
          else if (e.kind === 'replace') lines[at] = e.with;
          else lines[at] = `  ${lines[at]}`;
        }
        const text = lines.join('\n');
        const result = outcome(text);
        if (!result.ok) expectCodedRefusal(text, result.error);
      }),
      { numRuns: 300 },
    );
  });

  it('the content hash depends on the content, not on the notation (YAML or JSON)', () => {
    const fromYaml = parseChainSource(SPOT_CHECK, 'spot-check.yaml');
    const fromJson = parseChainSource(JSON.stringify(fromYaml.spec, null, 2), 'spot-check.json');
    expect(fromJson.spec).toEqual(fromYaml.spec);
    expect(fromJson.contentHash).toBe(fromYaml.contentHash);
    const changed = parseChainSource(SPOT_CHECK.replace('after: PT2H', 'after: PT3H'), 'spot-check.yaml');
    expect(changed.contentHash).not.toBe(fromYaml.contentHash);
  });
});
