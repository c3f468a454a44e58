import type { FindingFilter } from '../../../core/findings/FindingQueries.js';
import type { Localized } from '../../../core/i18n/Localized.js';
import { BOOLEAN_WORDS, FILTER_KEYS, ME_WORDS, SEVERITY_WORDS, STATUS_WORDS, type FilterKey } from './filterVocabulary.js';

/** A filter without paging: what a query string can say. */
export type QueryFilter = Omit<FindingFilter, 'limit' | 'offset'>;

/** A department or person the parser can resolve names of. */
export interface NamedEntity {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** What the parser needs to know of the world; all optional (ids pass through unchecked). */
export interface FilterContext {
  /** The person running the console, for `assignee:@me`. */
  readonly me?: string;
  /** The departments of the person running the console (theirs and those under it), for `dept:@me`. */
  readonly myDepartments?: readonly string[];
  /** Known departments: `dept:` accepts their id or name, and refuses others. */
  readonly departments?: readonly NamedEntity[];
  /** Known people: `assignee:` accepts their id or name. */
  readonly people?: readonly NamedEntity[];
}

/** A token the parser did not accept, and why (in both languages). */
export interface FilterProblem {
  readonly token: string;
  readonly message: Localized;
}

/** The outcome of {@link parseFilterQuery}: a value, never a throw. */
export interface ParsedFilter {
  readonly filter: QueryFilter;
  readonly problems: readonly FilterProblem[];
}

const KEY_BY_WORD = new Map<string, FilterKey>(
  (Object.entries(FILTER_KEYS) as [FilterKey, readonly string[]][]).flatMap(([key, words]) => words.map((w) => [w.toLowerCase(), key] as const)),
);

/**
 * Parses the console's filter language: `key:value` terms plus free text, in English or
 * Chinese, e.g. `dept:CT status:open sev:major overdue:yes assignee:@me 迟到`.
 *
 * - `dept:@me` is the current person's department and those under it; `status:waiting`
 *   the steps that wait for the department.
 * - Keys: `dept`, `status`, `sev`, `overdue`, `escalated`, `flagged`, `assignee`, `text`,
 *   each with Chinese names (`科室:CT 状态:待处理 程度:严重 逾期:是 负责人:@me`). The
 *   colon may be full-width (`：`). Values may be quoted: `text:"night duty"`.
 * - A word that is not `key:value` with a known key is free text; all free text is one
 *   phrase matched against titles, subject, category and id.
 * - A known key with a value it does not accept is a problem, and the term is ignored.
 *   The last of repeated keys wins.
 *
 * Pure: names resolve against `context` only.
 */
export function parseFilterQuery(query: string, context: FilterContext = {}): ParsedFilter {
  const filter: { -readonly [K in keyof QueryFilter]: QueryFilter[K] } = {};
  const problems: FilterProblem[] = [];
  const text: string[] = [];
  for (const token of tokenize(query)) {
    const term = splitTerm(token);
    const key = term && KEY_BY_WORD.get(term.key.toLowerCase());
    if (!term || !key) {
      text.push(unquote(token));
      continue;
    }
    const value = unquote(term.value);
    if (value === '') {
      problems.push({ token, message: { 'zh-CN': `「${term.key}」缺少取值`, en: `${term.key}: needs a value` } });
      continue;
    }
    const problem = applyTerm(filter, key, value, context, text);
    if (problem) problems.push({ token, message: problem });
  }
  if (text.length > 0) filter.text = text.join(' ');
  return { filter, problems };
}

function applyTerm(
  filter: { -readonly [K in keyof QueryFilter]: QueryFilter[K] },
  key: FilterKey,
  value: string,
  context: FilterContext,
  text: string[],
): Localized | undefined {
  const lower = value.toLowerCase();
  switch (key) {
    case 'status': {
      const status = STATUS_WORDS[lower];
      if (!status) return { 'zh-CN': `未知状态「${value}」（待处理、已确认、整改中、待验证、已销号、未关闭、待科室）`, en: `unknown status "${value}" (open, acknowledged, planned, awaiting, closed, active, waiting)` };
      filter.status = status;
      return undefined;
    }
    case 'severity': {
      const severity = SEVERITY_WORDS[lower];
      if (!severity) return { 'zh-CN': `未知严重程度「${value}」（一般、严重、危急）`, en: `unknown severity "${value}" (minor, major, critical)` };
      filter.severity = severity;
      return undefined;
    }
    case 'overdue':
    case 'escalated':
    case 'flagged': {
      const yes = BOOLEAN_WORDS[lower];
      if (yes === undefined) return { 'zh-CN': `「${value}」应为 是 或 否`, en: `"${value}" should be yes or no` };
      filter[key] = yes;
      return undefined;
    }
    case 'department': {
      if (ME_WORDS.includes(lower)) {
        if (!context.myDepartments) return { 'zh-CN': '当前用户不属于任何科室，无法使用 @me', en: '@me: the current person has no department' };
        filter.departments = context.myDepartments;
        return undefined;
      }
      const id = resolve(value, context.departments);
      if (id === null) return { 'zh-CN': `未知科室「${value}」`, en: `unknown department "${value}"` };
      filter.department = id;
      return undefined;
    }
    case 'assignee': {
      if (ME_WORDS.includes(lower)) {
        if (!context.me) return { 'zh-CN': '不知道当前用户，无法使用 @me', en: '@me: the current person is unknown' };
        filter.assignee = context.me;
        return undefined;
      }
      const id = resolve(value.replace(/^@/, ''), context.people);
      if (id === null) return { 'zh-CN': `未知人员「${value}」`, en: `unknown person "${value}"` };
      filter.assignee = id;
      return undefined;
    }
    case 'text':
      text.push(value);
      return undefined;
  }
}

/** Resolves an id or a name against known entities; without a list, the value is taken as an id. */
function resolve(value: string, known: readonly NamedEntity[] | undefined): string | null {
  if (!known) return value;
  const lower = value.toLowerCase();
  const hit =
    known.find((e) => e.id === value) ??
    known.find((e) => e.id.toLowerCase() === lower) ??
    known.find((e) => e.nameZh === value || e.nameEn.toLowerCase() === lower);
  return hit ? hit.id : null;
}

/** Splits on whitespace (ASCII and the ideographic space), keeping double-quoted runs together. */
function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of query) {
    if (ch === '"' || ch === '“' || ch === '”') {
      quoted = ch === '“' ? true : ch === '”' ? false : !quoted;
      current += '"';
    } else if (!quoted && /\s|\u3000/.test(ch)) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function splitTerm(token: string): { key: string; value: string } | undefined {
  // The full-width colon is written as an escape: the CLI bundle is kept ASCII (bin/bundle.js).
  const match = /^([^:\uFF1A"]+)[:\uFF1A](.*)$/.exec(token);
  return match ? { key: match[1]!, value: match[2]! } : undefined;
}

function unquote(text: string): string {
  return text.replace(/"/g, '');
}
