import { queryIn } from '../filter/savedFilters.js';
import type { Command } from '../keymap/keymap.js';
import { CURSOR_START, moveCursor, type CursorMove } from '../model/listCursor.js';
import { lineOf } from '../model/lineEdit.js';
import type { FindingsUi } from '../model/uiState.js';
import { CUSTOM_TAB } from '../model/uiState.js';
import type { ConsoleContext } from './ConsoleContext.js';
import { currentFinding, startAction } from './findingActions.js';
import { say } from './say.js';
import { FINDING_ACTIONS, type FindingAction } from '../model/findingPermissions.js';

const MOVES: readonly string[] = ['down', 'up', 'top', 'bottom', 'halfDown', 'halfUp'];
const MARK_ALL_LIMIT = 5000;

function setFindings(ctx: ConsoleContext, change: (f: FindingsUi) => FindingsUi): void {
  ctx.store.update((s) => {
    const next = change(s.findings);
    return next === s.findings ? s : { ...s, findings: next };
  });
}

/** A fresh list position for another tab or filter; marks are cleared so a bulk action never touches findings out of sight. */
function switchTab(f: FindingsUi, tab: number, custom: string | null): FindingsUi {
  return { ...f, tab, custom, list: CURSOR_START, departments: CURSOR_START, focus: 'list', detailTop: 0, marks: new Set() };
}

/**
 * Runs a command of the findings screen (list, department table or detail pane).
 * Returns false for commands it does not handle.
 */
export function findingsCommand(ctx: ConsoleContext, command: Command): boolean {
  const view = ctx.view();
  const { findings, layout } = view;
  const state = ctx.store.state.findings;
  const kind = findings.current.saved.kind;
  if (MOVES.includes(command)) {
    const move = command as CursorMove;
    if (state.focus === 'detail') {
      const step = { down: 1, up: -1, top: -1e9, bottom: 1e9, halfDown: Math.floor(layout.detailHeight / 2), halfUp: -Math.floor(layout.detailHeight / 2) }[move];
      setFindings(ctx, (f) => ({ ...f, detailTop: Math.max(0, f.detailTop + step) }));
    } else if (kind === 'departments') {
      setFindings(ctx, (f) => ({ ...f, departments: moveCursor(f.departments, move, findings.departments?.length ?? 0, layout.listRows) }));
    } else {
      setFindings(ctx, (f) => ({ ...f, list: moveCursor(f.list, move, findings.total ?? 0, layout.listRows), detailTop: 0 }));
    }
    return true;
  }
  switch (command) {
    case 'nextTab':
    case 'prevTab': {
      const count = findings.tabs.length;
      const tab = (state.tab + (command === 'nextTab' ? 1 : -1) + count) % count;
      setFindings(ctx, (f) => switchTab(f, tab, f.custom));
      return true;
    }
    case 'open': {
      if (kind === 'departments') {
        const row = findings.departments?.[state.departments.cursor];
        if (row) setFindings(ctx, (f) => switchTab(f, CUSTOM_TAB, `dept:${row.department} status:active`));
        return true;
      }
      if (currentFinding(ctx)) setFindings(ctx, (f) => ({ ...f, focus: 'detail', detailTop: 0 }));
      return true;
    }
    case 'back':
      if (state.focus === 'detail') setFindings(ctx, (f) => ({ ...f, focus: 'list' }));
      else if (state.marks.size > 0) setFindings(ctx, (f) => ({ ...f, marks: new Set() }));
      else if (state.custom !== null) setFindings(ctx, (f) => switchTab(f, 0, null));
      return true;
    case 'filter':
      ctx.store.update((s) => ({ ...s, message: null, overlay: { kind: 'filter', line: lineOf(queryIn(findings.current.saved, ctx.store.state.lang) + ' ') } }));
      return true;
    case 'mark': {
      const finding = currentFinding(ctx);
      if (!finding) return true;
      setFindings(ctx, (f) => {
        const marks = new Set(f.marks);
        if (marks.has(finding.id)) marks.delete(finding.id);
        else marks.add(finding.id);
        return { ...f, marks, list: moveCursor(f.list, 'down', findings.total ?? 0, layout.listRows) };
      });
      return true;
    }
    case 'markAll':
      void markAll(ctx);
      return true;
    default:
      if ((FINDING_ACTIONS as readonly string[]).includes(command)) {
        if (kind === 'findings') void startAction(ctx, command as FindingAction);
        return true;
      }
      return false;
  }
}

/** `V`: marks every finding the tab shows (up to a limit it states), or clears the marks. */
async function markAll(ctx: ConsoleContext): Promise<void> {
  const { findings, t } = ctx.view();
  if (ctx.store.state.findings.marks.size > 0) {
    setFindings(ctx, (f) => ({ ...f, marks: new Set() }));
    return say(ctx, t('result.unmarked'));
  }
  if (findings.current.saved.kind !== 'findings') return;
  try {
    const ids = await ctx.data.findingIds(findings.current.filter, MARK_ALL_LIMIT);
    setFindings(ctx, (f) => ({ ...f, marks: new Set(ids) }));
    const total = findings.total ?? ids.length;
    say(ctx, total > ids.length ? t('result.markedCapped', { count: ids.length, total }) : t('result.marked', { count: ids.length }));
  } catch (error) {
    ctx.fail(error);
  }
}
