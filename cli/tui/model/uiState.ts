import type { Language } from '../../../core/i18n/Localized.js';
import type { ActionInput } from '../data/TuiData.js';
import type { Tone } from '../theme/Theme.js';
import type { FindingAction, InputStage } from './findingPermissions.js';
import type { FormDraft } from './formDraft.js';
import { SAVED_TAB_COUNT } from '../filter/savedFilters.js';
import { CURSOR_START, type ListCursor } from './listCursor.js';
import type { LineState } from './lineEdit.js';

/** The console's screens, switched with 1–5. */
export const SCREENS = ['findings', 'tasks', 'dashboard', 'schedules', 'incidents'] as const;

/** One of {@link SCREENS}. */
export type Screen = (typeof SCREENS)[number];

/**
 * A prompt or panel over the screen; while one is open, keys go to it. A finding action
 * may take several prompts (a planned action's text, owner, then due date): `input`
 * carries what the earlier ones were given, `stage` names the part being asked.
 */
export type Overlay =
  | { readonly kind: 'help' }
  | { readonly kind: 'filter'; readonly line: LineState }
  | { readonly kind: 'palette'; readonly line: LineState; readonly choice: number }
  | {
      readonly kind: 'text';
      readonly action: FindingAction;
      readonly stage: Exclude<InputStage, 'person' | 'owner'>;
      readonly ids: readonly string[];
      readonly bulk: boolean;
      readonly input: ActionInput;
      readonly line: LineState;
    }
  | {
      readonly kind: 'picker';
      readonly purpose: 'assign' | 'owner' | 'field';
      readonly ids: readonly string[];
      readonly bulk?: boolean;
      readonly path?: string;
      readonly input?: ActionInput;
      readonly line: LineState;
      readonly choice: number;
    }
  | { readonly kind: 'confirm'; readonly action: FindingAction; readonly ids: readonly string[]; readonly input: ActionInput }
  | { readonly kind: 'chains'; readonly line: LineState; readonly choice: number }
  | { readonly kind: 'confirmRetry'; readonly id: string }
  | { readonly kind: 'confirmLeave' }
  | { readonly kind: 'field'; readonly path: string; readonly line: LineState };

/** A line of feedback under the screen. */
export interface Message {
  readonly text: string;
  readonly tone: Tone;
}

/** Where the findings screen stands. */
export interface FindingsUi {
  /** Index into the saved tabs, or the custom tab after them. */
  readonly tab: number;
  readonly custom: string | null;
  readonly list: ListCursor;
  readonly departments: ListCursor;
  readonly focus: 'list' | 'detail';
  readonly detailTop: number;
  readonly marks: ReadonlySet<string>;
}

/**
 * A form that starts something rather than answering a task: a finding opened by hand,
 * or a chain's input. `from` is the screen to go back to once it is sent or left.
 */
export type StartForm = { readonly kind: 'finding'; readonly from: Screen } | { readonly kind: 'chain'; readonly chainId: string; readonly from: Screen };

/** Where the tasks screen stands; `open` is the instance whose form is being filled, `start` a form that starts something. */
export interface TasksUi {
  readonly list: ListCursor;
  readonly open: string | null;
  readonly start: StartForm | null;
  readonly field: number;
  readonly draft: FormDraft;
}

/** The whole state of the console's screen (not the data it shows). */
export interface UiState {
  readonly screen: Screen;
  readonly lang: Language;
  readonly overlay: Overlay | null;
  readonly message: Message | null;
  readonly findings: FindingsUi;
  readonly tasks: TasksUi;
  readonly incidents: ListCursor;
  readonly schedules: ListCursor;
  /** Bumped to make every screen read its data again. */
  readonly dataVersion: number;
}

/** Whether a form is open on the tasks screen (a task's, or one that starts something). */
export function formIsOpen(tasks: TasksUi): boolean {
  return tasks.open !== null || tasks.start !== null;
}

/** The index of the tab a `/` filter opens: after the saved ones. */
export const CUSTOM_TAB = SAVED_TAB_COUNT;

/** The state a console starts in; `filter` opens it on that query instead of the first tab. */
export function initialUiState(lang: Language, screen: Screen = 'findings', filter?: string): UiState {
  return {
    screen,
    lang,
    overlay: null,
    message: null,
    findings: { tab: filter === undefined ? 0 : CUSTOM_TAB, custom: filter ?? null, list: CURSOR_START, departments: CURSOR_START, focus: 'list', detailTop: 0, marks: new Set() },
    tasks: { list: CURSOR_START, open: null, start: null, field: 0, draft: {} },
    incidents: CURSOR_START,
    schedules: CURSOR_START,
    dataVersion: 0,
  };
}
