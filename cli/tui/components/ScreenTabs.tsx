import { Box, Text } from 'ink';
import { memo } from 'react';
import { SCREENS, type Screen } from '../model/uiState.js';
import { displayWidth, truncateToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link ScreenTabs}. */
export interface ScreenTabsProps {
  readonly screen: Screen;
  readonly width: number;
  /** Right-hand text: who the console acts as, and whether it is live. */
  readonly right: string;
}

/**
 * The top line: the title and the screens with their number keys. The current screen is
 * in brackets (and highlighted where there is colour), so it shows without colour too.
 * Memoised, like the other lines that a cursor move leaves alone.
 */
export const ScreenTabs = memo(function ScreenTabs({ screen, width, right }: ScreenTabsProps) {
  const { t, theme } = useLook();
  const tabs = SCREENS.map((s, i) => (s === screen ? `[${i + 1} ${t(`screen.${s}`)}]` : ` ${i + 1} ${t(`screen.${s}`)} `)).join('');
  const left = `${t('app.title')}  ${tabs}`;
  // Measured by display width (a Chinese name is two columns a character); the right side
  // gives way first, so the line never wraps whatever the width.
  const shownRight = truncateToWidth(right, Math.min(displayWidth(right), Math.max(width - displayWidth(left) - 1, Math.floor(width / 3))), theme.ellipsis);
  const room = Math.max(0, width - displayWidth(shownRight) - (shownRight ? 1 : 0));
  return (
    <Box width={width} justifyContent="space-between">
      <Text bold color={theme.tone('accent')}>
        {truncateToWidth(left, room, theme.ellipsis)}
      </Text>
      <Text color={theme.tone('muted')}>{shownRight}</Text>
    </Box>
  );
});
