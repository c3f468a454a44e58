import { Text } from 'ink';
import { memo } from 'react';
import { displayWidth, truncateToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** A tab: its label and count (undefined while counting). */
export interface TabView {
  readonly label: string;
  readonly count: number | undefined;
}

/** Props of {@link FilterTabs}. */
export interface FilterTabsProps {
  readonly tabs: readonly TabView[];
  readonly selected: number;
  readonly width: number;
}

/**
 * The tabs of saved filters with their counts, on one line. The selected tab is
 * bracketed (and highlighted where there is colour); when the tabs do not fit, tabs
 * scroll off the left so the selected one stays visible, and the line is cut by
 * display width.
 */
export const FilterTabs = memo(function FilterTabs({ tabs, selected, width }: FilterTabsProps) {
  const { theme } = useLook();
  const cells = tabs.map((tab, i) => {
    const count = tab.count === undefined ? theme.ellipsis : tab.count.toLocaleString('en-US');
    return i === selected ? `[${tab.label} ${count}]` : ` ${tab.label} ${count} `;
  });
  let first = 0;
  const widthFrom = (from: number) => cells.slice(from, selected + 1).reduce((n, c) => n + displayWidth(c), 0) + (from > 0 ? 1 : 0);
  while (first < selected && widthFrom(first) > width) first++;
  const parts: { text: string; selected: boolean }[] = [];
  let room = width;
  if (first > 0) {
    parts.push({ text: theme.ascii ? '<' : '‹', selected: false });
    room -= 1;
  }
  for (let i = first; i < cells.length && room > 0; i++) {
    const text = truncateToWidth(cells[i]!, room, theme.ellipsis);
    parts.push({ text, selected: i === selected });
    room -= displayWidth(text);
  }
  return (
    <Text>
      {parts.map((part, i) => (
        <Text key={i} bold={part.selected} inverse={theme.color && part.selected} color={part.selected ? theme.tone('accent') : undefined}>
          {part.text}
        </Text>
      ))}
    </Text>
  );
});
