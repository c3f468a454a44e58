import { Box, Text } from 'ink';
import type { HelpSection } from '../keymap/helpSections.js';
import { displayWidth, padToWidth, truncateToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link HelpView}. */
export interface HelpViewProps {
  readonly sections: readonly HelpSection[];
  readonly width: number;
  readonly height: number;
}

/**
 * The `?` screen: the live keymap of where one is, section by section, generated from
 * the bindings (so it cannot drift from what the keys do). Keys the current person's
 * role may not use are marked unavailable in words.
 */
export function HelpView({ sections, width, height }: HelpViewProps) {
  const { t, theme } = useLook();
  const keyWidth = Math.min(24, Math.max(...sections.flatMap((s) => s.lines.map((l) => displayWidth(l.keys)))));
  const lines: { text: string; bold?: boolean; muted?: boolean }[] = [{ text: t('help.title'), bold: true }];
  for (const section of sections) {
    lines.push({ text: '' }, { text: section.title, bold: true });
    for (const line of section.lines) {
      const suffix = line.available ? '' : ` ${t('help.unavailable')}`;
      lines.push({ text: `  ${padToWidth(truncateToWidth(line.keys, keyWidth), keyWidth)}  ${line.label}${suffix}`, muted: !line.available });
    }
  }
  // Two columns when the terminal is wide enough, so the whole keymap fits on one screen.
  const columns = width >= 110 && lines.length > height - 2 ? 2 : 1;
  const perColumn = Math.ceil(lines.length / columns);
  const columnWidth = Math.floor(width / columns) - 2;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} paddingX={1}>
      <Box flexDirection="row">
        {Array.from({ length: columns }, (_, c) => (
          <Box key={c} flexDirection="column" width={columnWidth}>
            {lines.slice(c * perColumn, (c + 1) * perColumn).slice(0, Math.max(1, height - 3)).map((line, i) => (
              <Text key={i} bold={line.bold} color={line.muted ? theme.tone('muted') : undefined}>
                {truncateToWidth(line.text, columnWidth - 2, theme.ellipsis) || ' '}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Text color={theme.tone('muted')}>{t('help.close')}</Text>
    </Box>
  );
}
