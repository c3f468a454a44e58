import { Box, Text } from 'ink';
import type { StartableChain } from '../data/TuiData.js';
import type { LineState } from '../model/lineEdit.js';
import { fitToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';
import { PromptLine } from './PromptLine.js';

/** Props of {@link ChainPicker}. */
export interface ChainPickerProps {
  readonly chains: readonly StartableChain[];
  readonly line: LineState;
  readonly choice: number;
  readonly width: number;
  readonly height: number;
}

/** The chains a chooser query shows: those whose id or title (either language) contains it (shared with the key handler). */
export function chainMatches(chains: readonly StartableChain[], query: string): StartableChain[] {
  const q = query.trim().toLowerCase();
  return chains.filter((c) => [c.id, c.title.en.toLowerCase(), c.title['zh-CN']].some((name) => name.includes(q)));
}

/**
 * Chooses the chain to start: only those the core's `can()` lets the current person
 * start are listed, each by its title in the UI's language and its id.
 */
export function ChainPicker({ chains, line, choice, width, height }: ChainPickerProps) {
  const { t, lang, theme } = useLook();
  const matches = chainMatches(chains, line.chars.join(''));
  const rows = Math.max(1, height - 4);
  const top = Math.max(0, Math.min(choice - rows + 1, matches.length - rows));
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} paddingX={1}>
      <PromptLine label={t('prompt.chooseChain')} line={line} width={width - 4} hint={t('prompt.chainHint')} />
      {matches.length === 0 ? <Text color={theme.tone('muted')}>{t('prompt.noMatch')}</Text> : null}
      {matches.slice(top, top + rows).map((c, i) => {
        const selected = top + i === choice;
        const text = `${selected ? theme.glyphs.cursor : ' '} ${fitToWidth(c.title[lang], 28)} ${c.id}@${c.version}`;
        return (
          <Text key={c.id} inverse={selected && theme.color} bold={selected}>
            {fitToWidth(text, Math.max(1, width - 4), { ellipsis: theme.ellipsis })}
          </Text>
        );
      })}
    </Box>
  );
}
