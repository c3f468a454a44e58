import type { Command } from '../keymap/keymap.js';
import { cycleValue, isCycled, valueAt, withItemAdded, withItemRemoved, withValue, fieldText, type FormRow } from '../model/formDraft.js';
import { CURSOR_START, moveCursor, type CursorMove } from '../model/listCursor.js';
import { lineOf } from '../model/lineEdit.js';
import type { ConsoleContext } from './ConsoleContext.js';
import { say } from './say.js';
import { submittable } from '../model/formDraft.js';

const MOVES: readonly string[] = ['down', 'up', 'top', 'bottom', 'halfDown', 'halfUp'];

/** Commands of the task list (no form open). Returns false for others. */
export function taskListCommand(ctx: ConsoleContext, command: Command): boolean {
  const { tasks, listRows } = ctx.view();
  if (MOVES.includes(command)) {
    ctx.store.update((s) => ({ ...s, tasks: { ...s.tasks, list: moveCursor(s.tasks.list, command as CursorMove, tasks?.length ?? 0, listRows) } }));
    return true;
  }
  if (command === 'open') {
    const task = tasks?.[ctx.store.state.tasks.list.cursor];
    if (task) ctx.store.update((s) => ({ ...s, message: null, tasks: { ...s.tasks, open: task.instanceId, field: 0, draft: {} } }));
    return true;
  }
  return false;
}

/** The list a row belongs to, for `+`: the list itself, or the list holding the item or field. */
function listPathOf(row: FormRow, rows: readonly FormRow[]): { path: string; row: FormRow } | undefined {
  if (row.kind === 'list' || row.kind === 'add') return { path: row.path, row: rows.find((r) => r.kind === 'list' && r.path === row.path) ?? row };
  const match = /^(.*)\.(\d+)(\..*)?$/.exec(row.path);
  if (!match) return undefined;
  const list = rows.find((r) => r.kind === 'list' && r.path === match[1]);
  return list ? { path: list.path, row: list } : undefined;
}

/** The item a row is in, for `-`: `list.3` for the item's heading or any of its fields. */
function itemPathOf(row: FormRow): string | undefined {
  const match = /^(.*?\.\d+)(\..*)?$/.exec(row.path);
  return row.kind === 'add' || row.kind === 'list' ? undefined : match?.[1];
}

/**
 * Commands of an open form: move between fields, edit (typing, cycling an enum or a
 * yes/no, the person picker), add and remove list items, submit through the engine,
 * Esc back to the list. Returns false for others.
 */
export function formCommand(ctx: ConsoleContext, command: Command): boolean {
  const view = ctx.view();
  const form = view.form;
  if (!form) return false;
  const state = ctx.store.state.tasks;
  const row = form.rows[Math.min(state.field, form.rows.length - 1)];
  const setField = (field: number) => ctx.store.update((s) => ({ ...s, tasks: { ...s.tasks, field: Math.max(0, Math.min(form.rows.length - 1, field)) } }));
  switch (command) {
    case 'nextField':
      setField(state.field + 1);
      return true;
    case 'prevField':
      setField(state.field - 1);
      return true;
    case 'back':
      ctx.store.update((s) => ({ ...s, screen: s.tasks.start?.from ?? s.screen, tasks: { ...s.tasks, open: null, start: null, draft: {}, field: 0 } }));
      return true;
    case 'toggle':
    case 'prevOption':
    case 'edit': {
      if (!row) return true;
      if (row.kind === 'add') {
        ctx.store.update((s) => ({ ...s, tasks: { ...s.tasks, draft: withItemAdded(s.tasks.draft, row.path, row.field) } }));
        return true;
      }
      if (row.kind !== 'field') return true;
      const value = valueAt(state.draft, row.path);
      if (isCycled(row.field)) {
        ctx.store.update((s) => ({ ...s, tasks: { ...s.tasks, draft: withValue(s.tasks.draft, row.path, cycleValue(row.field, value, command === 'prevOption' ? -1 : 1)) } }));
        return true;
      }
      if (command !== 'edit') return true;
      if (row.field.type === 'person') {
        ctx.store.update((s) => ({ ...s, overlay: { kind: 'picker', purpose: 'field', ids: [], path: row.path, line: lineOf(''), choice: 0 } }));
        return true;
      }
      const text = fieldText(row.field, value, ctx.store.state.lang, { yes: 'yes', no: 'no' });
      ctx.store.update((s) => ({ ...s, overlay: { kind: 'field', path: row.path, line: lineOf(text) } }));
      return true;
    }
    case 'addItem': {
      const list = row && listPathOf(row, form.rows);
      if (list) ctx.store.update((s) => ({ ...s, tasks: { ...s.tasks, draft: withItemAdded(s.tasks.draft, list.path, list.row.field) } }));
      return true;
    }
    case 'removeItem': {
      const item = row && itemPathOf(row);
      if (item) ctx.store.update((s) => ({ ...s, tasks: { ...s.tasks, draft: withItemRemoved(s.tasks.draft, item) } }));
      return true;
    }
    case 'submit':
      void submitForm(ctx);
      return true;
    default:
      return false;
  }
}

/** Validates, then sends the form (a task's event at the revision it was opened at, a finding, a chain's start) through the core. */
async function submitForm(ctx: ConsoleContext): Promise<void> {
  const view = ctx.view();
  const form = view.form;
  if (!form) return;
  const data = submittable(ctx.store.state.tasks.draft);
  const problems = form.validate(data);
  if (problems.length > 0) {
    const first = form.rows.findIndex((r) => r.kind !== 'add' && problems.some((p) => p.path === r.path));
    ctx.store.update((s) => ({ ...s, tasks: { ...s.tasks, field: first >= 0 ? first : s.tasks.field } }));
    return say(ctx, view.t('tasks.problems', { count: problems.length }), 'warning');
  }
  try {
    const done = await form.submit(data);
    ctx.store.update((s) => ({ ...s, screen: s.tasks.start?.from ?? s.screen, tasks: { list: CURSOR_START, open: null, start: null, field: 0, draft: {} } }));
    say(ctx, done);
    ctx.refresh();
  } catch (error) {
    ctx.fail(error);
  }
}
