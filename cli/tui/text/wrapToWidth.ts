import { displayWidth, singleLine } from './displayWidth.js';

/**
 * Breaks text into lines of at most `width` columns by display width: at spaces where
 * there are some, anywhere between characters in Chinese (which has no spaces), and
 * at newlines the text already has. Pure.
 */
export function wrapToWidth(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of singleLine(paragraph).split(/(?<= )/)) {
      const w = displayWidth(word);
      if (used + w <= width) {
        line += word;
        used += w;
        continue;
      }
      if (line.trimEnd() !== '') lines.push(line.trimEnd());
      line = '';
      used = 0;
      for (const ch of word) {
        const cw = displayWidth(ch);
        if (used + cw > width) {
          lines.push(line);
          line = '';
          used = 0;
        }
        line += ch;
        used += cw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
