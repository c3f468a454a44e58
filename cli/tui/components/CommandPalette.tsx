import { Box, Text } from 'ink';
import type { LineState } from '../model/lineEdit.js';
import type { PaletteEntry } from '../model/paletteEntries.js';
import { fitToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';
import { PromptLine } from './PromptLine.js';

/** Props of {@link CommandPalette}. */
export interface CommandPaletteProps {
  readonly entries: readonly PaletteEntry[];
  readonly line: LineState;
  readonly choice: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The `:` palette: every command with its key and its name in both languages (the UI's
 * first); what the current person may not run now is marked and muted, so it reads
 * without colour too.
 */
export function CommandPalette({ entries, line, choice, width, height }: CommandPaletteProps) {
  const { t, lang, theme } = useLook();
  const rows = Math.max(1, height - 4);
  const top = Math.max(0, Math.min(choice - rows + 1, entries.length - rows));
  const off = theme.ascii ? '(x)' : '✗';
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} paddingX={1}>
      <PromptLine label={t('prompt.palette')} line={line} width={width - 4} hint={t('prompt.paletteHint')} />
      {entries.slice(top, top + rows).map((e, i) => {
        const selected = top + i === choice;
        const names = lang === 'zh-CN' ? `${e.zh} · ${e.en}` : `${e.en} · ${e.zh}`;
        const text = `${selected ? theme.glyphs.cursor : ' '} ${fitToWidth(e.key, 7)} ${names}${e.enabled ? '' : ` ${off}`}`;
        return (
          <Text key={e.command} inverse={selected && theme.color} bold={selected} color={e.enabled ? undefined : theme.tone('muted')}>
            {fitToWidth(text, Math.max(1, width - 4), { ellipsis: theme.ellipsis })}
          </Text>
        );
      })}
    </Box>
  );
}
