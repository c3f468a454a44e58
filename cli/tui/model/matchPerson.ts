import type { Person } from '../../../core/org/OrgDirectory.js';

type PinyinMatch = (typeof import('pinyin-pro'))['match'];
let pinyinMatch: PinyinMatch | undefined;
let pinyinLoading: Promise<void> | undefined;

/**
 * Loads pinyin-pro, whose dictionary is the largest thing the console would otherwise
 * load before its first frame. A picker asks for it when it opens; until it has come,
 * names match by their characters, English and id only.
 */
export function loadPinyin(): Promise<void> {
  return (pinyinLoading ??= import('pinyin-pro').then((m) => {
    pinyinMatch = m.match;
  }));
}

/** A person found by the picker, with how well they matched (lower is better). */
export interface PersonMatch {
  readonly person: Person;
  readonly rank: number;
}

/**
 * Finds people by what a user types: the Chinese name or part of it (`王`, `质控`), its
 * pinyin or initials (`wangzhikong`, `wzk`, `zhik`, via pinyin-pro), the English name or
 * the id. Exact and prefix matches rank first; inactive people last. An empty query
 * lists everyone. Pure once {@link loadPinyin} has resolved.
 */
export function matchPeople(people: readonly Person[], query: string, limit = 50): PersonMatch[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  const found: PersonMatch[] = [];
  for (const person of people) {
    const rank = q === '' ? 5 : rankOf(person, q);
    if (rank !== undefined) found.push({ person, rank: rank + (person.active ? 0 : 10) });
  }
  found.sort((a, b) => a.rank - b.rank || a.person.id.localeCompare(b.person.id));
  return found.slice(0, limit);
}

function rankOf(person: Person, q: string): number | undefined {
  const id = person.id.toLowerCase();
  const en = person.nameEn.toLowerCase();
  const enCompact = en.replace(/\s+/g, '');
  if (id === q || person.nameZh === q || enCompact === q) return 0;
  if (person.nameZh.startsWith(q) || id.startsWith(q) || enCompact.startsWith(q)) return 1;
  const hit = pinyinMatch && /[a-z]/.test(q) ? pinyinMatch(person.nameZh, q, { continuous: true }) : null;
  if (hit && hit[0] === 0) return 2;
  if (person.nameZh.includes(q) || id.includes(q) || enCompact.includes(q) || en.split(/\s+/).some((w) => w.startsWith(q))) return 3;
  if (hit) return 4;
  return undefined;
}
