import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import stringWidth from 'string-width';
import widestLine from 'widest-line';
import { describe, expect, it } from 'vitest';

describe('widest-line as Ink resolves it', () => {
  it('is the remembering copy in vendor/, through the override in package.json', () => {
    const inkEntry = createRequire(import.meta.url).resolve('ink');
    const fromInk = realpathSync(createRequire(inkEntry).resolve('widest-line'));
    expect(fromInk).toBe(realpathSync(join(dirname(createRequire(import.meta.url).resolve('widest-line')), 'index.js')));
    expect(fromInk).toMatch(/vendor[\\/]widest-line[\\/]index\.js$/);
  });

  it('gives the widest line by string-width, the same on the first call and the remembered ones', () => {
    const samples = ['', 'plain', '值班不在岗\nCT', '\u001B[31m督办\u001B[39m', 'a\n😀😀😀\n', '○ open ▲ major', 'e\u0301x'];
    for (const text of samples) {
      const expected = Math.max(0, ...text.split('\n').map((line) => stringWidth(line)));
      expect(widestLine(text)).toBe(expected);
      expect(widestLine(text)).toBe(expected);
    }
  });
});
