import chalk from 'chalk';
import fc from 'fast-check';
import { Box, Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { createElement as h } from 'react';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { composeFrame, type LineTransformer } from '../../../cli/tui/render/composeFrame.js';
import { COMPOSER_INK_VERSION, installFrameComposer, loadInkOutput, type InkOutput } from '../../../cli/tui/render/installFrameComposer.js';

// Ink's own `Output` (the instance Ink renders with) and its own `get()`, taken before
// anything in this file installs the composer.
const { version: inkVersion, Output } = await loadInkOutput();
const originalGet = Output.prototype.get;

const ESC = '\u001B[';

/** Pieces random lines are made of: ASCII, CJK, emoji, combining marks, SGR codes, newlines. */
const PIECES = [
  'a',
  'Hello',
  ' ',
  '  ',
  'x-y',
  '值班不在岗',
  '中',
  '督办',
  'CT室',
  '😀',
  '👍🏽',
  '❤️',
  '🇨🇳',
  '👨‍👩‍👧',
  'e\u0301',
  'a\u0308\u0323',
  '\u0301',
  '\u200B',
  '\n',
  '\n',
  `${ESC}31m`,
  `${ESC}32m`,
  `${ESC}1m`,
  `${ESC}2m`,
  `${ESC}22m`,
  `${ESC}39m`,
  `${ESC}0m`,
  `${ESC}7m`,
  `${ESC}27m`,
  `${ESC}4m`,
  `${ESC}24m`,
  `${ESC}44m`,
  `${ESC}49m`,
  `${ESC}38;5;123m`,
  `${ESC}48;5;17m`,
  `${ESC}38;2;10;200;30m`,
  `${ESC}1;31m`,
  `${ESC}7m反显${ESC}27m`,
  `${ESC}31m红${ESC}39m`,
] as const;

/** Transformers like the ones `<Text>` and `<Transform>` hand to `Output.write`, by name. */
const TRANSFORMERS = {
  red: (line) => `${ESC}31m${line}${ESC}39m`,
  bold: (line) => `${ESC}1m${line}${ESC}22m`,
  inverse: (line) => `${ESC}7m${line}${ESC}27m`,
  color256: (line) => `${ESC}38;5;208m${line}${ESC}39m`,
  upper: (line) => line.toUpperCase(),
  numbered: (line, index) => `${index}:${line}`,
  oddBlue: (line, index) => (index % 2 === 1 ? `${ESC}34m${line}${ESC}39m` : line),
  wideSuffix: (line) => `${line}值`,
  bracketed: (line) => `[${line}]`,
} satisfies Record<string, LineTransformer>;
type TransformerName = keyof typeof TRANSFORMERS;

type Clip = { x1?: number; x2?: number; y1?: number; y2?: number };
type Op =
  | { type: 'write'; x: number; y: number; text: string; transformers: TransformerName[] }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };

const lineArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((pieces) => pieces.join(''));
// One to four lines (the pieces hold newlines of their own as well).
const textArb = fc.array(lineArb, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
const transformersArb = fc.array(fc.constantFrom(...(Object.keys(TRANSFORMERS) as TransformerName[])), { maxLength: 3 });

type Snap = 'none' | 'x1' | 'x2' | 'endAtX1' | 'y1' | 'y2' | 'endAtY1';
type DraftOp = Op | { type: 'draft'; write: Extract<Op, { type: 'write' }>; snap: Snap; d: number };

/**
 * Operations for a frame of the given size. Coordinates and clip bounds mostly land near
 * the frame (where a mistake shows), some well outside it (negative, past the edge); some
 * writes are placed at or next to an edge of the clip they are drawn in, where the
 * clipping arithmetic has its boundaries.
 */
function opsArb(width: number, height: number): fc.Arbitrary<Op[]> {
  const near = (size: number) => fc.oneof({ arbitrary: fc.integer({ min: -3, max: size + 3 }), weight: 4 }, { arbitrary: fc.integer({ min: -10, max: 70 }), weight: 1 });
  const writeArb: fc.Arbitrary<DraftOp> = fc.record({
    type: fc.constant('draft' as const),
    write: fc.record({
      type: fc.constant('write' as const),
      x: near(width),
      y: near(height),
      text: textArb,
      transformers: transformersArb,
    }),
    snap: fc.constantFrom<Snap>('none', 'none', 'x1', 'x2', 'endAtX1', 'y1', 'y2', 'endAtY1'),
    d: fc.integer({ min: -2, max: 2 }),
  });
  const clipArb: fc.Arbitrary<DraftOp> = fc
    .record({
      x1: near(width),
      // Mostly a clip of some extent, sometimes an empty or inverted one.
      x2: near(width),
      xSpan: fc.integer({ min: -2, max: width }),
      y1: near(height),
      y2: near(height),
      ySpan: fc.integer({ min: -2, max: height }),
      spans: fc.boolean(),
      kind: fc.constantFrom('both', 'both', 'horizontal', 'horizontal', 'vertical', 'none', 'half'),
    })
    .map(({ x1, x2: anyX2, xSpan, y1, y2: anyY2, ySpan, spans, kind }): Op => {
      const x2 = spans ? x1 + xSpan : anyX2;
      const y2 = spans ? y1 + ySpan : anyY2;
      if (kind === 'both') return { type: 'clip', clip: { x1, x2, y1, y2 } };
      if (kind === 'horizontal') return { type: 'clip', clip: { x1, x2 } };
      if (kind === 'vertical') return { type: 'clip', clip: { y1, y2 } };
      // Only one bound of an axis: Ink clips along neither.
      if (kind === 'half') return { type: 'clip', clip: { x1, y2 } };
      return { type: 'clip', clip: {} };
    });
  const unclipArb: fc.Arbitrary<DraftOp> = fc.constant({ type: 'unclip' as const });
  return fc
    .array(fc.oneof({ arbitrary: writeArb, weight: 5 }, { arbitrary: clipArb, weight: 2 }, { arbitrary: unclipArb, weight: 1 }), { maxLength: 16 })
    .map((drafts) => {
      // Resolve the snapped writes against the clip they will be drawn in.
      const clips: Clip[] = [];
      return drafts.map((op): Op => {
        if (op.type === 'clip') clips.push(op.clip);
        if (op.type === 'unclip') clips.pop();
        if (op.type !== 'draft') return op;
        const { write, snap, d } = op;
        const clip = clips.at(-1) ?? {};
        const lines = write.text.split('\n');
        const widest = Math.max(...lines.map((line) => stringWidth(line)));
        if (snap === 'x1' && clip.x1 !== undefined) return { ...write, x: clip.x1 + d };
        if (snap === 'x2' && clip.x2 !== undefined) return { ...write, x: clip.x2 + d };
        if (snap === 'endAtX1' && clip.x1 !== undefined) return { ...write, x: clip.x1 - widest + d };
        if (snap === 'y1' && clip.y1 !== undefined) return { ...write, y: clip.y1 + d };
        if (snap === 'y2' && clip.y2 !== undefined) return { ...write, y: clip.y2 + d };
        if (snap === 'endAtY1' && clip.y1 !== undefined) return { ...write, y: clip.y1 - lines.length + d };
        return write;
      });
    });
}
const frameArb = fc
  .record({ width: fc.integer({ min: 1, max: 60 }), height: fc.integer({ min: 1, max: 12 }) })
  .chain(({ width, height }) => opsArb(width, height).map((ops) => ({ width, height, ops })));

/** A fresh Ink `Output` with the operations replayed through its own recording methods. */
function replay(width: number, height: number, ops: readonly Op[]): InkOutput {
  const output = new Output({ width, height });
  for (const op of ops) {
    if (op.type === 'write') output.write(op.x, op.y, op.text, { transformers: op.transformers.map((name) => TRANSFORMERS[name]) });
    else if (op.type === 'clip') output.clip(op.clip);
    else output.unclip();
  }
  return output;
}

describe('composeFrame', () => {
  it('composes exactly the frame Ink 6.8 Output.get() composes, also when its caches are warm', () => {
    let writesSeen = 0;
    let clippedWritesSeen = 0;
    fc.assert(
      fc.property(frameArb, ({ width, height, ops }) => {
        const forInk = replay(width, height, ops);
        const forComposer = replay(width, height, ops);
        const expected = originalGet.call(forInk);
        const first = composeFrame(forComposer.width, forComposer.height, forComposer.operations);
        expect(first).toEqual(expected);
        // Same operations again: every line now comes from the caches that outlive a frame.
        const second = composeFrame(forComposer.width, forComposer.height, forComposer.operations);
        expect(second).toEqual(expected);
        let depth = 0;
        for (const op of forComposer.operations) {
          if (op.type === 'clip') depth++;
          if (op.type === 'unclip') depth = Math.max(0, depth - 1);
          if (op.type === 'write') {
            writesSeen++;
            if (depth > 0) clippedWritesSeen++;
          }
        }
      }),
      { numRuns: 500 },
    );
    // The generator really exercised writes, and writes inside clips.
    expect(writesSeen).toBeGreaterThan(500);
    expect(clippedWritesSeen).toBeGreaterThan(200);
  });

  it('agrees with Ink on hand-picked edge cases', () => {
    const cases: { width: number; height: number; ops: Op[] }[] = [
      // A wide character cut in half by a horizontal clip.
      { width: 10, height: 2, ops: [{ type: 'clip', clip: { x1: 1, x2: 4 } }, { type: 'write', x: 0, y: 0, text: '值班不在岗', transformers: [] }] },
      // Styled text overwriting the middle of a wide character, and a filler's style.
      {
        width: 12,
        height: 1,
        ops: [
          { type: 'write', x: 0, y: 0, text: `${ESC}31m值班不在岗${ESC}39m`, transformers: [] },
          { type: 'write', x: 3, y: 0, text: `${ESC}7mab${ESC}27m`, transformers: ['bold'] },
        ],
      },
      // Writes beyond the right edge and at negative coordinates.
      {
        width: 5,
        height: 3,
        ops: [
          { type: 'write', x: 8, y: 1, text: 'far', transformers: ['red'] },
          { type: 'write', x: -2, y: -1, text: '中文\n😀x\nabc\ndef', transformers: ['numbered'] },
        ],
      },
      // Text that ends exactly at a clip's left edge, or starts exactly at its right edge, is
      // sliced to nothing but still drawn: a transformer can put something in its place.
      {
        width: 12,
        height: 2,
        ops: [
          { type: 'clip', clip: { x1: 2, x2: 8 } },
          { type: 'write', x: 0, y: 0, text: 'ab', transformers: ['numbered'] },
          { type: 'write', x: 8, y: 1, text: 'cd', transformers: ['numbered', 'red'] },
        ],
      },
      // Nested clips with only one axis each; unclip beyond the stack.
      {
        width: 20,
        height: 6,
        ops: [
          { type: 'unclip' },
          { type: 'clip', clip: { y1: 1, y2: 3 } },
          { type: 'clip', clip: { x1: 2, x2: 6 } },
          { type: 'write', x: 0, y: 0, text: `${ESC}38;5;123m0123456789\n督办督办督办${ESC}0m\nzz`, transformers: ['upper'] },
          { type: 'unclip' },
          { type: 'write', x: 0, y: 0, text: 'top\nmid\nlow\nend', transformers: ['oddBlue'] },
        ],
      },
    ];
    for (const { width, height, ops } of cases) {
      const expected = originalGet.call(replay(width, height, ops));
      const output = replay(width, height, ops);
      expect(composeFrame(output.width, output.height, output.operations)).toEqual(expected);
    }
  });
});

// Installs the composer into Ink for the rest of this file (vitest isolates test files),
// so it comes last.
describe('installFrameComposer', () => {
  afterAll(() => cleanup());

  const tree = (label: string) =>
    h(
      Box,
      { flexDirection: 'column' },
      h(
        Box,
        { flexDirection: 'column', borderStyle: 'round', borderColor: 'cyan', width: 44 },
        h(Text, { color: 'red', bold: true }, `值班不在岗 ${label}`),
        h(Box, { borderStyle: 'single', paddingX: 1 }, h(Text, { inverse: true }, 'CT室 😀 e\u0301 督办')),
        h(Text, null, `${ESC}38;5;123m256色${ESC}39m and ${ESC}1m中文${ESC}22m plain`),
        h(
          Box,
          { width: 12, height: 4, overflow: 'hidden', borderStyle: 'bold', borderColor: 'yellow' },
          h(Text, { wrap: 'wrap', backgroundColor: 'blue' }, '值班不在岗 overflowing a narrow clipped box 督办督办'),
        ),
        h(Text, { dimColor: true, underline: true }, 'dim underline 😀'),
        h(Text, { color: '#ff8800', backgroundColor: 'ansi256(22)' }, 'hex 颜色 ansi256'),
      ),
      // Styled up to the last column of the frame (ink-testing-library's is 100 wide).
      h(Box, { justifyContent: 'flex-end' }, h(Text, { color: 'green' }, `右对齐 ${label}`)),
    );

  it('replaces Ink’s Output.get under the pinned Ink, and Ink renders the same frames with it', async () => {
    expect(inkVersion).toBe(COMPOSER_INK_VERSION);
    // Ink colours through chalk, which found no colour terminal in the test worker.
    const chalkLevel = chalk.level;
    chalk.level = 3;
    try {
      await rendersTheSameWithTheComposer();
    } finally {
      chalk.level = chalkLevel;
    }
  });

  async function rendersTheSameWithTheComposer() {
    // Before: Ink's own get(). ink-testing-library renders through Ink's render() in debug
    // mode, which still lays out and composes through renderer.js → new Output(...).get().
    const before = render(tree('first'));
    const beforeFirst = before.lastFrame() ?? '';
    before.rerender(tree('second 第二'));
    const beforeSecond = before.lastFrame() ?? '';
    before.unmount();
    // Styles are part of what is compared: Ink's own colours and the text's raw escapes.
    expect(beforeFirst).toContain(`${ESC}36m╭`);
    expect(beforeFirst).toContain(`${ESC}38;5;123m`);
    expect(beforeFirst).toContain('值班不在岗');
    expect(beforeFirst).toContain('╭');
    expect(beforeSecond).toContain('右对齐 second 第二'); // the rerender drew a new frame

    expect(await installFrameComposer()).toBe(true);
    expect(Output.prototype.get).not.toBe(originalGet);
    expect(await installFrameComposer()).toBe(true); // idempotent
    // The Output class we patched is the one Ink's renderer uses: count calls through it.
    const installedGet = Output.prototype.get;
    let calls = 0;
    Output.prototype.get = function countingGet(this: InkOutput) {
      calls++;
      return installedGet.call(this);
    };
    try {
      const after = render(tree('first'));
      expect(after.lastFrame()).toBe(beforeFirst);
      after.rerender(tree('second 第二'));
      expect(after.lastFrame()).toBe(beforeSecond);
      after.unmount();
    } finally {
      Output.prototype.get = installedGet;
    }
    expect(calls).toBeGreaterThanOrEqual(2);
  }
});
