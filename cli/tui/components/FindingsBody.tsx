import { Box, Text } from 'ink';
import type { FindingsView } from '../hooks/useFindingsData.js';
import type { StyledLine } from '../model/detailLines.js';
import type { ScreenLayout } from '../model/screenLayout.js';
import type { FindingsUi } from '../model/uiState.js';
import { useLook } from '../theme/ThemeContext.js';
import { DepartmentTable } from './DepartmentTable.js';
import { FindingList } from './FindingList.js';
import { LinesView } from './LinesView.js';

/** Props of {@link FindingsBody}. */
export interface FindingsBodyProps {
  readonly ui: FindingsUi;
  readonly view: FindingsView;
  readonly layout: ScreenLayout;
  /** The detail of the finding under the cursor, as lines; undefined while it loads. */
  readonly detail: readonly StyledLine[] | undefined;
  readonly timeZone: string;
  readonly personName: (id: string) => string;
  readonly departmentName: (id: string) => string;
}

/**
 * The findings screen's body: the list (or the department table) and the detail pane,
 * placed by the layout — side by side when wide, one above the other when narrower,
 * one at a time under 80 columns.
 */
export function FindingsBody({ ui, view, layout, detail, timeZone, personName, departmentName }: FindingsBodyProps) {
  const { t, theme } = useLook();
  const list =
    view.current.saved.kind === 'departments' ? (
      <DepartmentTable
        counts={view.departments}
        cursor={ui.departments.cursor}
        top={ui.departments.top}
        height={layout.listRows}
        width={layout.listWidth}
        departmentName={departmentName}
      />
    ) : (
      <FindingList
        rowAt={view.rowAt}
        total={view.total}
        cursor={ui.list.cursor}
        top={ui.list.top}
        height={layout.listRows}
        width={layout.listWidth}
        marks={ui.marks}
        timeZone={timeZone}
        personName={personName}
        focused={ui.focus === 'list'}
      />
    );
  const detailPane = detail ? (
    <LinesView lines={detail} top={Math.min(ui.detailTop, Math.max(0, detail.length - 1))} height={layout.detailHeight} width={layout.detailWidth} />
  ) : (
    <Box width={layout.detailWidth} height={layout.detailHeight}>
      <Text color={theme.tone('muted')}>{view.current.saved.kind === 'departments' || view.total === 0 ? '' : t('detail.pick')}</Text>
    </Box>
  );
  if (layout.pane === 'right') {
    return (
      <Box flexDirection="row" height={layout.bodyHeight}>
        {list}
        {/* Rules are borders, not texts of line characters: borders cost Ink nothing to measure. */}
        <Box height={layout.bodyHeight} borderStyle={theme.ascii ? 'classic' : 'single'} borderTop={false} borderBottom={false} borderRight={false} borderColor={theme.tone('muted')} paddingLeft={1}>
          {detailPane}
        </Box>
      </Box>
    );
  }
  if (layout.pane === 'below') {
    return (
      <Box flexDirection="column" height={layout.bodyHeight}>
        {list}
        {/* One line, never shrunk: a top border squeezed to no height makes Ink draw -1 lines and throw. */}
        <Box
          width={layout.columns}
          height={1}
          flexShrink={0}
          borderStyle={theme.ascii ? 'classic' : 'single'}
          borderBottom={false}
          borderLeft={false}
          borderRight={false}
          borderColor={ui.focus === 'detail' ? theme.tone('accent') : theme.tone('muted')}
        />
        {detailPane}
      </Box>
    );
  }
  return <Box height={layout.bodyHeight}>{layout.showDetail ? detailPane : list}</Box>;
}
