import { LineCounter, parseDocument, isNode } from 'yaml';
import type * as z from '../util/zod.js';
import { DubanError } from '../errors/DubanError.js';
import { canonicalJson } from '../util/canonicalJson.js';
import { sha256 } from '../util/sha256.js';
import { yamlToJs } from '../util/yamlToJs.js';
import { chainSpecSchema, type ChainSpec } from '../kernel/chainSchema.js';

/** A chain parsed and validated, with the hash of its canonical content. */
export interface ParsedChain {
  readonly spec: ChainSpec;
  readonly contentHash: string;
  readonly source: string;
  /** SHA-256 of the source text as read (of the canonical JSON for chains given as values). */
  readonly sourceSha256: string;
}

/**
 * Parses a chain from YAML or JSON text (JSON is read by the YAML parser, so both get
 * line numbers) and validates it.
 *
 * @param source a file name or label, used in errors and recorded with the definition.
 * @throws DubanError `CHAIN_INVALID` naming `file:line` and the field path of the first
 * problem, with every problem in `details.problems`.
 */
export function parseChainSource(text: string, source: string): ParsedChain {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new DubanError('CHAIN_INVALID', `${source}:${line}: ${first.message.split('\n')[0]}`, {
      place: { file: source, line },
    });
  }
  const result = chainSpecSchema.safeParse(yamlToJs(doc, source, 'CHAIN_INVALID'));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => describeIssue(issue, doc, lineCounter, source));
    const first = problems[0]!;
    throw new DubanError(first.code, `${first.where}: ${first.path || '(root)'}: ${first.message}`, {
      place: { file: source, line: first.line, path: first.path },
      details: { problems },
    });
  }
  return { spec: result.data, contentHash: sha256(canonicalJson(result.data)), source, sourceSha256: sha256(text) };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  source: string,
) {
  const path = issue.path.map(String).join('.');
  // Point at the deepest node of the path that exists in the file (a missing key is
  // reported at its parent).
  let line: number | undefined;
  for (let n = issue.path.length; n >= 0 && line === undefined; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(issue.path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  return { path, line, where: line ? `${source}:${line}` : source, message: issue.message, code: issueCode(issue) };
}

/**
 * Validates a chain given as a value (the core's own chains are data in code).
 *
 * @throws DubanError `CHAIN_INVALID` naming the field path.
 */
export function parseChainObject(value: unknown, source: string): ParsedChain {
  const result = chainSpecSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    throw new DubanError(issueCode(issue), `${source}: ${path || '(root)'}: ${issue.message}`, { place: { file: source, path } });
  }
  return { spec: result.data, contentHash: sha256(canonicalJson(result.data)), source, sourceSha256: sha256(canonicalJson(value)) };
}

// A rule of the schema may carry its own stable code (a missing access rule); the rest are CHAIN_INVALID.
function issueCode(issue: z.core.$ZodIssue): 'CHAIN_INVALID' | 'CHAIN_RULE_MISSING' {
  const params = (issue as { params?: { code?: string } }).params;
  return params?.code === 'CHAIN_RULE_MISSING' ? 'CHAIN_RULE_MISSING' : 'CHAIN_INVALID';
}
