import { tuiText } from '../i18n/tuiText.js';
import { KEYMAP, type Command } from '../keymap/keymap.js';
import { keyLabel } from '../keymap/keyName.js';
import { availabilityOf, FINDING_ACTIONS, type FindingAction, type FindingDecisions } from './findingPermissions.js';
import { OFFICE_COMMANDS, type OfficeCommand } from './officeCommands.js';

/** One line of the command palette: a command, its key, its name in both languages, whether it may run now. */
export interface PaletteEntry {
  readonly command: Command;
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly enabled: boolean;
}

/** The commands the palette lists after the finding actions: screens and the console's own. */
const OTHERS: readonly Command[] = ['filter', 'markAll', 'refresh', 'lang', 'help', 'screenFindings', 'screenTasks', 'screenDashboard', 'screenSchedules', 'screenIncidents', 'quit'];

const zh = tuiText('zh-CN');
const en = tuiText('en');

/**
 * Every command by name in both languages, filtered by `query` (letters in order, in
 * either name or the command's id, so `sub` or `提交` both find "submit"). A finding
 * action is enabled where the core's `can()` allowed it for the finding under the
 * cursor, or when findings are marked (core then decides each one); an office action
 * (open a finding, start a chain, pause a schedule) where `office` holds it. Pure.
 */
export function paletteEntries(
  query: string,
  options: { decisions: FindingDecisions | undefined; marked: boolean; onFindings: boolean; office: readonly OfficeCommand[] },
): PaletteEntry[] {
  const entries: PaletteEntry[] = [
    ...FINDING_ACTIONS.map((a: FindingAction) => ({
      command: a as Command,
      key: KEYMAP.find((b) => b.command === a)?.keys[0] ?? '',
      zh: zh(`action.${a}`),
      en: en(`action.${a}`),
      enabled: options.onFindings && (options.marked || availabilityOf(a, options.decisions).ok),
    })),
    ...OFFICE_COMMANDS.map((c) => ({
      command: c as Command,
      key: KEYMAP.find((b) => b.command === c)?.keys[0] ?? '',
      zh: zh(`action.${c}`),
      en: en(`action.${c}`),
      enabled: options.office.includes(c),
    })),
    ...OTHERS.map((c) => ({
      command: c,
      key: keyLabel(KEYMAP.find((b) => b.command === c)?.keys[0] ?? '', false),
      zh: zh(`key.${c}`),
      en: en(`key.${c}`),
      enabled: options.onFindings || (c !== 'filter' && c !== 'markAll'),
    })),
  ];
  const q = query.trim().toLowerCase();
  if (q === '') return entries;
  return entries.filter((e) => [e.en.toLowerCase(), e.zh, e.command.toLowerCase()].some((name) => inOrder(name, q)));
}

/** Whether the characters of `query` (spaces ignored) appear in `name` in order. */
function inOrder(name: string, query: string): boolean {
  let at = 0;
  for (const ch of query.replace(/\s+/g, '')) {
    at = name.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
