import type { FindingSummary } from '../../../core/findings/Finding.js';
import type { Person } from '../../../core/org/OrgDirectory.js';
import type { Incident } from '../../../core/runtime/IncidentService.js';
import type { FieldProblem } from '../../../core/kernel/formFields.js';
import type { Department, DepartmentCount, OfficeRights, ScheduleItem, TaskItem, TuiData } from '../data/TuiData.js';
import type { TabState } from '../hooks/useFindingsData.js';
import type { Translate } from '../i18n/tuiText.js';
import type { FindingDecisions } from '../model/findingPermissions.js';
import type { FormDraft, FormRow } from '../model/formDraft.js';
import type { ScreenLayout } from '../model/screenLayout.js';
import type { UiStore } from '../model/UiStore.js';

/** What the key handlers can see of the screen at the moment a key arrives. */
export interface ViewInfo {
  readonly layout: ScreenLayout;
  readonly t: Translate;
  readonly findings: {
    readonly tabs: readonly TabState[];
    readonly current: TabState;
    readonly total: number | undefined;
    rowAt(index: number): FindingSummary | undefined;
    readonly departments: readonly DepartmentCount[] | undefined;
    /** What `can()` answered for the finding under the cursor, once read. */
    readonly decisions: FindingDecisions | undefined;
  };
  readonly people: readonly Person[];
  readonly departments: readonly Department[];
  readonly tasks: readonly TaskItem[] | undefined;
  /** The open form's rows, its validator (a task's: the form's own rules and the task type's) and how it is sent (the message to show). */
  readonly form: { readonly rows: readonly FormRow[]; validate(draft: FormDraft): FieldProblem[]; submit(data: Record<string, unknown>): Promise<string> } | undefined;
  /** What `can()` answered for the office's actions outside a finding, once read. */
  readonly rights: OfficeRights | undefined;
  readonly incidents: readonly Incident[] | undefined;
  readonly schedules: readonly ScheduleItem[] | null | undefined;
  /** Rows available to list screens other than findings. */
  readonly listRows: number;
}

/** What key handlers act on: the screen state, the data port, and the console itself. */
export interface ConsoleContext {
  readonly store: UiStore;
  readonly data: TuiData;
  /** The view as of the last frame; read at call time, never captured. */
  view(): ViewInfo;
  /** Reads everything again (after an action, or on `r`). */
  refresh(): void;
  exit(): void;
  /** Shows an error from core (its code and message) on the status line. */
  fail(error: unknown): void;
}
