import { Box, Text } from 'ink';
import type { LineState } from '../model/lineEdit.js';
import { displayWidth, truncateToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link PromptLine}. */
export interface PromptLineProps {
  readonly label: string;
  readonly line: LineState;
  readonly width: number;
  /** A line under the input: how to use it, or what is wrong with it so far. */
  readonly hint?: string;
  readonly problem?: string;
}

/**
 * A one-line text input: label, the text with a visible cursor, and a hint or live
 * problem underneath. The cursor is drawn as a character (`▏`, or `|` in ASCII) as well
 * as in inverse video, so it shows with colour off, where inverse is off too.
 */
export function PromptLine({ label, line, width, hint, problem }: PromptLineProps) {
  const { theme } = useLook();
  const before = line.chars.slice(0, line.cursor).join('');
  const after = line.chars.slice(line.cursor).join('');
  const caret = theme.color ? ' ' : theme.ascii ? '|' : '▏';
  const head = `${label}: `;
  const room = Math.max(4, width - displayWidth(head) - 1);
  // Keep the end of long input (where one types) in view.
  const shownBefore = displayWidth(before) > room ? `${theme.ellipsis}${tail(before, room - 1)}` : before;
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        <Text bold color={theme.tone('accent')}>
          {head}
        </Text>
        {shownBefore}
        <Text inverse={theme.color}>{theme.color ? (after[0] ?? caret) : caret}</Text>
        {truncateToWidth(theme.color ? after.slice([...after][0]?.length ?? 0) : after, Math.max(0, room - displayWidth(shownBefore) - 1), theme.ellipsis)}
      </Text>
      {problem ? (
        <Text color={theme.tone('danger')}>{truncateToWidth(`${theme.glyphs.overdue} ${problem}`, width, theme.ellipsis)}</Text>
      ) : (
        <Text color={theme.tone('muted')}>{truncateToWidth(hint ?? '', width, theme.ellipsis)}</Text>
      )}
    </Box>
  );
}

function tail(text: string, width: number): string {
  const chars = [...text];
  let out = '';
  let used = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = displayWidth(chars[i]!);
    if (used + w > width) break;
    out = chars[i]! + out;
    used += w;
  }
  return out;
}
