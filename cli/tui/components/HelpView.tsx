import { Box, Text } from 'ink';
import type { HelpSection } from '../keymap/helpSections.js';
import { displayWidth, fitToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link HelpView}. */
export interface HelpViewProps {
  readonly sections: readonly HelpSection[];
  readonly width: number;
  readonly height: number;
}

interface HelpRow {
  readonly text: string;
  readonly bold?: boolean;
  readonly muted?: boolean;
}

/**
 * The `?` screen: the live keymap of where one is, section by section, generated from
 * the bindings (so it cannot drift from what the keys do). Keys the current person's
 * role may not use are marked unavailable in words. Laid out in two columns when the
 * terminal is wide and the list long; each line is cut to its column by display width.
 */
export function HelpView({ sections, width, height }: HelpViewProps) {
  const { t, theme } = useLook();
  const keyWidth = Math.min(20, Math.max(4, ...sections.flatMap((s) => s.lines.map((l) => displayWidth(l.keys)))));
  const rows: HelpRow[] = [];
  for (const section of sections) {
    if (rows.length > 0) rows.push({ text: '' });
    rows.push({ text: section.title, bold: true });
    for (const line of section.lines) {
      const suffix = line.available ? '' : ` ${t('help.unavailable')}`;
      rows.push({ text: `  ${fitToWidth(line.keys, keyWidth)}  ${line.label}${suffix}`, muted: !line.available });
    }
  }
  const room = Math.max(1, height - 2);
  const columns = width >= 100 && rows.length > room ? 2 : 1;
  const columnWidth = Math.floor((width - 2) / columns);
  const lines: HelpRow[][] = [];
  for (let i = 0; i < Math.min(room, Math.ceil(rows.length / columns)); i++) {
    lines.push(Array.from({ length: columns }, (_, c) => rows[c * Math.ceil(rows.length / columns) + i] ?? { text: '' }));
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.tone('accent')}>
        {fitToWidth(`${t('help.title')} · ${t('help.close')}`, width, { ellipsis: theme.ellipsis })}
      </Text>
      {lines.map((cells, i) => (
        <Text key={i}>
          {' '}
          {cells.map((cell, c) => (
            <Text key={c} bold={cell.bold} color={cell.muted ? theme.tone('muted') : undefined}>
              {fitToWidth(cell.text, columnWidth - 1, { ellipsis: theme.ellipsis })}{' '}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
