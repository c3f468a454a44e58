import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Text in which a character drawn on screen may be several code points (a mark on a
// letter, an emoji sequence, a flag, Hangul jamo), or a code point may take no column.
const CLUSTERED = /[\p{M}\p{Default_Ignorable_Code_Point}\p{Extended_Pictographic}\p{Regional_Indicator}\u1100-\u11ff\u20e3]/u;
const INVISIBLE = /^[\p{M}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const PICTOGRAPHS = /\p{Extended_Pictographic}/gu;
let graphemes: Intl.Segmenter | undefined;

/**
 * The number of terminal columns `text` takes: two for a wide (CJK) character, none for
 * a control character or a combining mark, two for an emoji drawn as one. Text of
 * single code points is summed by the East Asian Width table alone; only text with
 * clusters is split into graphemes, by an `Intl.Segmenter` made on first need (making
 * one loads ICU data: tens of milliseconds a command would otherwise pay at start-up).
 * Pure.
 *
 * @example textWidth('值班 ok') === 7
 */
export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  if (!CLUSTERED.test(text)) {
    for (const ch of text) width += codePointWidth(ch.codePointAt(0)!);
    return width;
  }
  graphemes ??= new Intl.Segmenter();
  for (const { segment } of graphemes.segment(text)) width += clusterWidth(segment);
  return width;
}

function codePointWidth(codePoint: number): number {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  return eastAsianWidth(codePoint);
}

// One grapheme: an emoji presentation (VS16), a keycap, a flag or a ZWJ sequence of
// pictographs is drawn two columns wide; anything else as wide as its first visible code point.
function clusterWidth(cluster: string): number {
  const points = [...cluster];
  if (points.length > 1) {
    if (cluster.includes('\u20e3') || /\p{Regional_Indicator}{2}/u.test(cluster)) return 2;
    if (cluster.includes('\ufe0f') && PICTOGRAPH.test(cluster)) return 2;
    if (cluster.includes('\u200d') && (cluster.match(PICTOGRAPHS)?.length ?? 0) >= 2) return 2;
  }
  const base = points.find((point) => !INVISIBLE.test(point));
  return base === undefined ? 0 : codePointWidth(base.codePointAt(0)!);
}
