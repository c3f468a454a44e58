import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/index.js';
import { en } from '../../core/i18n/locales/en.js';
import { zhCN } from '../../core/i18n/locales/zh-CN.js';

/** Every key path of a nested catalog, with the placeholders its text uses. */
function entries(catalog: object, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of entries(value, path)) out.set(k, v);
    else out.set(path, [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort());
  }
  return out;
}

describe('the zh-CN and en catalogs', () => {
  const zh = entries(zhCN);
  const english = entries(en);

  it('have the same keys', () => {
    expect([...zh.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same placeholders in each message', () => {
    for (const [key, placeholders] of english) expect(zh.get(key), key).toEqual(placeholders);
  });

  it('translate every error code', () => {
    for (const code of ERROR_CODES) {
      expect(english.has(`errors.${code}`), `en errors.${code}`).toBe(true);
      expect(zh.has(`errors.${code}`), `zh-CN errors.${code}`).toBe(true);
    }
  });
});
