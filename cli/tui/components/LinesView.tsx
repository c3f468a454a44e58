import { Box, Text } from 'ink';
import type { StyledLine } from '../model/detailLines.js';
import { truncateToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link LinesView}. */
export interface LinesViewProps {
  readonly lines: readonly StyledLine[];
  readonly top: number;
  readonly height: number;
  readonly width: number;
}

/**
 * A scrolled window onto prepared lines: only `height` lines from `top` are rendered,
 * each cut to `width` by display width (Ink's own truncation can overflow on CJK). One
 * Text a line.
 */
export function LinesView({ lines, top, height, width }: LinesViewProps) {
  const { theme } = useLook();
  const shown = lines.slice(top, top + height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.map((line, i) => (
        <Text key={top + i} color={line.tone ? theme.tone(line.tone) : undefined} bold={line.bold}>{truncateToWidth(line.text, width, theme.ellipsis) || ' '}</Text>
      ))}
    </Box>
  );
}
