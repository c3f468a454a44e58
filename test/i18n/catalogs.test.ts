import { describe, expect, it } from 'vitest';
import { ERROR_CODES, i18nInstance, LANGUAGES, type Catalog } from '../../core/index.js';
import { PLURAL_SUFFIXES } from '../../core/i18n/Catalog.js';
import { cliText } from '../../cli/i18n/cliText.js';
import { tuiText } from '../../cli/tui/i18n/tuiText.js';
import { builtinPlugins } from '../../plugins/index.js';

// Importing these adds their namespaces; the built-in plugins add theirs when their
// modules load, which is only when asked for.
void cliText;
void tuiText;
await Promise.all(builtinPlugins.map((candidate) => candidate.load()));

const PLURAL = new RegExp(`(${PLURAL_SUFFIXES.join('|')})$`);

/** Every key path of a catalog, plural forms folded into their base key, with the forms and the placeholders used. */
function entries(catalog: Catalog, prefix = ''): Map<string, { forms: string[]; placeholders: string[] }> {
  const out = new Map<string, { forms: string[]; placeholders: string[] }>();
  const add = (path: string, text: string) => {
    const base = path.replace(PLURAL, '');
    const entry = out.get(base) ?? { forms: [], placeholders: [] };
    entry.forms.push(path.slice(base.length).replace(/^_/, '') || 'plain');
    const names = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
    entry.placeholders = [...new Set([...entry.placeholders, ...names])].sort();
    out.set(base, entry);
  };
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') add(path, value);
    else for (const [k, v] of entries(value, path)) out.set(k, v);
  }
  return out;
}

const store = i18nInstance().store.data as unknown as Record<string, Record<string, Catalog>>;
const namespaces = Object.keys(store.en!).sort();

describe('the i18n catalogs of core, CLI, console and plugins', () => {
  it('are one i18next instance with a namespace each', () => {
    expect(namespaces).toEqual(['cli', 'core', 'medtech', 'quality-office', 'tb-lab', 'tui']);
    expect(Object.keys(store['zh-CN']!).sort()).toEqual(namespaces);
  });

  describe.each(namespaces)('namespace %s', (ns) => {
    const zh = entries(store['zh-CN']![ns]!);
    const en = entries(store.en![ns]!);

    it('has every key in both languages', () => {
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    });

    it('uses the same placeholders in both languages', () => {
      for (const [key, { placeholders }] of en) expect(zh.get(key)?.placeholders, key).toEqual(placeholders);
    });

    it('has the plural forms each language needs: one and other in English, other alone in Chinese', () => {
      for (const [key, { forms }] of en) if (!forms.includes('plain')) expect(forms.sort(), `en ${key}`).toEqual(['one', 'other']);
      for (const [key, { forms }] of zh) if (!forms.includes('plain')) expect(forms, `zh-CN ${key}`).toEqual(['other']);
    });

    it('has no text in the old single-brace placeholder syntax', () => {
      for (const lang of LANGUAGES) {
        const texts = JSON.stringify(store[lang]![ns]);
        expect(texts.match(/(?<!\{)\{\w+\}(?!\})/g), `${lang} ${ns}`).toBeNull();
      }
    });
  });

  it('translate every error code', () => {
    const en = entries(store.en!.core!);
    const zh = entries(store['zh-CN']!.core!);
    for (const code of ERROR_CODES) {
      expect(en.has(`errors.${code}`), `en errors.${code}`).toBe(true);
      expect(zh.has(`errors.${code}`), `zh-CN errors.${code}`).toBe(true);
    }
  });
});
