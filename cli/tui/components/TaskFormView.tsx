import { Box, Text } from 'ink';
import type { Localized } from '../../../core/i18n/Localized.js';
import { fieldText, valueAt, type FormDraft, type FormRow } from '../model/formDraft.js';
import { truncateToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link TaskFormView}. */
export interface TaskFormViewProps {
  /** What the form answers or starts (a task of an instance, a finding, a chain). */
  readonly title: string;
  /** What the form is about, shown above it (a task's chain input); empty for a form that starts something. */
  readonly context: readonly { readonly label: Localized; readonly value: string }[];
  readonly rows: readonly FormRow[];
  readonly draft: FormDraft;
  readonly selected: number;
  /** Problems by data path, already in the console's language. */
  readonly problems: ReadonlyMap<string, string>;
  readonly width: number;
  readonly height: number;
  readonly personName: (id: string) => string;
}

/**
 * A form, generated from its declarative spec (a task type's, a chain's input, a
 * finding's): what the instance holds for a task first (only the chain's declared
 * input), then one line per field,
 * list and list item, each with its current value and, as you type, its problem. A
 * required field is starred; the last line says whether the form can be submitted.
 */
export function TaskFormView({ title, context, rows, draft, selected, problems, width, height, personName }: TaskFormViewProps) {
  const { t, lang, theme } = useLook();
  const words = { yes: t('tasks.yes'), no: t('tasks.no') };
  const head: { text: string; bold?: boolean; muted?: boolean }[] = [{ text: title, bold: true }];
  if (context.length > 0) {
    head.push({ text: t('tasks.context'), muted: true });
    for (const c of context) head.push({ text: `  ${c.label[lang]}: ${c.value}`, muted: true });
  }
  const room = Math.max(3, height - head.length - 2);
  const top = Math.max(0, Math.min(selected - Math.floor(room / 2), rows.length - room));
  const problemCount = [...problems.keys()].length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {head.map((h, i) => (
        <Text key={`h${i}`} bold={h.bold} color={h.muted ? theme.tone('muted') : undefined}>
          {truncateToWidth(h.text, width, theme.ellipsis)}
        </Text>
      ))}
      {rows.slice(top, top + room).map((row, i) => {
        const at = top + i;
        const isSelected = at === selected;
        const indent = '  '.repeat(row.depth);
        const problem = row.kind === 'add' ? undefined : problems.get(row.path);
        const value = valueAt(draft, row.path);
        let text: string;
        if (row.kind === 'list') text = `${row.label[lang]}${row.field.required ? '*' : ''} (${Array.isArray(value) ? value.length : 0})`;
        else if (row.kind === 'item') text = t('tasks.item', { n: row.index });
        else if (row.kind === 'add') text = `${t('tasks.add')} ${row.label[lang]}`;
        else {
          const shown = fieldText(row.field, value, lang, words);
          const display = row.field.type === 'person' && typeof value === 'string' && shown ? personName(value) : shown;
          const label = row.index !== undefined ? `${row.index}.` : `${row.label[lang]}${row.field.required ? '*' : ''}`;
          text = `${label}: ${display || t('tasks.empty_value')}`;
        }
        const suffix = problem ? `  ${theme.glyphs.overdue} ${problem}` : '';
        return (
          <Text key={`${row.kind}:${row.path}`} inverse={isSelected && theme.color} bold={isSelected} color={problem ? theme.tone('danger') : row.kind === 'add' ? theme.tone('muted') : undefined}>
            {truncateToWidth(`${isSelected ? theme.glyphs.cursor : ' '} ${indent}${text}${suffix}`, width, theme.ellipsis)}
          </Text>
        );
      })}
      <Text color={problemCount > 0 ? theme.tone('warning') : theme.tone('ok')}>
        {problemCount > 0 ? t('tasks.problems', { count: problemCount }) : t('tasks.valid')}
      </Text>
    </Box>
  );
}
