import { Box, Text } from 'ink';
import { memo } from 'react';
import { SCREENS, type Screen } from '../model/uiState.js';
import { truncateToWidth } from '../text/displayWidth.js';
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
  return (
    <Box width={width} justifyContent="space-between">
      <Text bold color={theme.tone('accent')}>
        {truncateToWidth(left, Math.max(10, width - right.length - 1), theme.ellipsis)}
      </Text>
      <Text color={theme.tone('muted')}>{right}</Text>
    </Box>
  );
});
