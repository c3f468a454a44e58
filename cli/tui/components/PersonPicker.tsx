import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import type { Person } from '../../../core/org/OrgDirectory.js';
import type { LineState } from '../model/lineEdit.js';
import { loadPinyin, matchPeople } from '../model/matchPerson.js';
import { fitToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';
import { PromptLine } from './PromptLine.js';

/** Props of {@link PersonPicker}. */
export interface PersonPickerProps {
  readonly title: string;
  readonly people: readonly Person[];
  readonly line: LineState;
  readonly choice: number;
  readonly width: number;
  readonly height: number;
}

/** The people a picker query shows, best first (shared with the key handler, so Enter takes what is shown). */
export function pickerMatches(people: readonly Person[], query: string): Person[] {
  return matchPeople(people, query).map((m) => m.person);
}

/**
 * Picks a person by typing: Chinese names, their pinyin and initials (`wzk` finds
 * 王质控), English names and ids all match. ↑/↓ choose; the chosen line is marked with
 * the cursor symbol as well as highlighted.
 */
export function PersonPicker({ title, people, line, choice, width, height }: PersonPickerProps) {
  const { t, lang, theme } = useLook();
  // Pinyin matching arrives a moment after the picker opens; what was typed is matched again then.
  const [, setPinyinReady] = useState(false);
  useEffect(() => {
    let open = true;
    void loadPinyin().then(() => open && setPinyinReady(true));
    return () => {
      open = false;
    };
  }, []);
  const query = line.chars.join('');
  const matches = pickerMatches(people, query);
  const rows = Math.max(1, height - 4);
  const top = Math.max(0, Math.min(choice - rows + 1, matches.length - rows));
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} paddingX={1}>
      <PromptLine label={title} line={line} width={width - 4} hint={t('prompt.pickerHint')} />
      {matches.length === 0 ? <Text color={theme.tone('muted')}>{t('prompt.noMatch')}</Text> : null}
      {matches.slice(top, top + rows).map((p, i) => {
        const selected = top + i === choice;
        const name = lang === 'zh-CN' ? `${p.nameZh} ${p.nameEn}` : `${p.nameEn} ${p.nameZh}`;
        const text = `${selected ? theme.glyphs.cursor : ' '} ${fitToWidth(p.id, 12)} ${fitToWidth(name, 28)} ${p.departmentId ?? ''} ${p.roles.join(',')}`;
        return (
          <Text key={p.id} inverse={selected && theme.color} bold={selected} color={p.active ? undefined : theme.tone('muted')}>
            {fitToWidth(text, width - 4, { ellipsis: theme.ellipsis })}
          </Text>
        );
      })}
    </Box>
  );
}
