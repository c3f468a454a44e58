import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useCallback, useMemo, useRef } from 'react';
import type { Language } from '../../../core/i18n/Localized.js';
import type { ConsoleContext, ViewInfo } from '../controller/ConsoleContext.js';
import { errorText } from '../controller/errorText.js';
import { confirmQuestion } from '../controller/findingActions.js';
import { activeScopes, handleKey } from '../controller/handleKey.js';
import { filterProblem } from '../controller/overlayKeys.js';
import { paletteNow } from '../controller/paletteKeys.js';
import type { WordedFinding } from '../../../core/findings/findingWords.js';
import type { TuiData } from '../data/TuiData.js';
import { useChangePolling } from '../hooks/useChangePolling.js';
import { useFindingsData } from '../hooks/useFindingsData.js';
import { useLoaded } from '../hooks/useLoaded.js';
import { useLookups } from '../hooks/useLookups.js';
import { useServiceAlerts } from '../hooks/useServiceAlerts.js';
import { useOpenForm } from '../hooks/useOpenForm.js';
import { useTerminalSize, type TerminalSize } from '../hooks/useTerminalSize.js';
import { helpSections } from '../keymap/helpSections.js';
import { hintLine } from '../keymap/hintLine.js';
import { legendSection } from '../keymap/legendSection.js';
import { queryIn } from '../filter/savedFilters.js';
import { ACTION_KEYS, KEYMAP, type Command } from '../keymap/keymap.js';
import { detailLines } from '../model/detailLines.js';
import { alertText } from '../model/alertText.js';
import { availabilityOf, FINDING_ACTIONS, type FindingAction } from '../model/findingPermissions.js';
import { formRows, parseFieldInput, withValue } from '../model/formDraft.js';
import { OFFICE_COMMANDS, officeOffered } from '../model/officeCommands.js';
import { lineText } from '../model/lineEdit.js';
import { problemText } from '../model/problemText.js';
import { fitsConsole, MIN_COLUMNS, MIN_ROWS, screenLayout } from '../model/screenLayout.js';
import { stageChoices } from '../model/stageChoices.js';
import { UiStore, useUiState } from '../model/UiStore.js';
import { initialUiState, type Screen } from '../model/uiState.js';
import { truncateToWidth } from '../text/displayWidth.js';
import { formatZone } from '../text/formatTime.js';
import type { Theme } from '../theme/Theme.js';
import { LookContext, lookOf } from '../theme/ThemeContext.js';
import { ChainPicker } from './ChainPicker.js';
import { CommandPalette } from './CommandPalette.js';
import { DashboardView } from './DashboardView.js';
import { FilterTabs } from './FilterTabs.js';
import { FindingsBody } from './FindingsBody.js';
import { Footer } from './Footer.js';
import { HelpView } from './HelpView.js';
import { IncidentsView } from './IncidentsView.js';
import { PersonPicker } from './PersonPicker.js';
import { SchedulesView } from './SchedulesView.js';
import { ScreenTabs } from './ScreenTabs.js';
import { TaskFormView } from './TaskFormView.js';
import { TaskList } from './TaskList.js';

/** Props of {@link App}. */
export interface AppProps {
  readonly data: TuiData;
  readonly lang: Language;
  readonly theme: Theme;
  /** The hospital's time zone, for the times shown. */
  readonly timeZone: string;
  /** A fixed terminal size (tests, the bench); default the terminal's, following resizes. */
  readonly size?: TerminalSize;
  /** How often to look for changes made elsewhere; default 1000 ms. */
  readonly pollMs?: number;
  readonly screen?: Screen;
  /** Start on this filter (the filter language) instead of the first tab. */
  readonly filter?: string;
}

/**
 * The console: screen tabs, the current screen, and the footer with the status and key
 * hints. Keys go through one handler ({@link handleKey}) that reads the screen state from
 * a store at the moment the key arrives; data is read by hooks, a page at a time, and read
 * again when the database changes under it.
 */
export function App({ data, lang, theme, timeZone, size: fixedSize, pollMs, screen, filter }: AppProps) {
  const store = useMemo(() => new UiStore(initialUiState(lang, screen, filter)), []); // eslint-disable-line react-hooks/exhaustive-deps
  const ui = useUiState(store);
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize(fixedSize);
  const look = useMemo(() => lookOf(ui.lang, theme), [ui.lang, theme]);
  const { t } = look;

  const onError = useCallback((error: unknown) => store.update((s) => ({ ...s, message: { text: errorText(error, s.lang), tone: 'danger' } })), [store]);
  const refresh = useCallback(() => store.update((s) => ({ ...s, dataVersion: s.dataVersion + 1 })), [store]);
  const readMarker = useCallback(() => data.changeMarker(), [data]);
  useChangePolling(readMarker, refresh, pollMs);
  const readAlerts = useCallback(() => data.serviceAlerts(), [data]);
  const alerts = useServiceAlerts(readAlerts, pollMs);

  const lookups = useLookups(data, ui.dataVersion, ui.lang, onError);
  const layout = screenLayout(size.columns, size.rows, ui.findings.focus);
  const findings = useFindingsData(data, ui.findings, layout, lookups, ui.dataVersion, onError);
  const onScreen = (s: Screen) => ui.screen === s;
  const tasks = useLoaded(onScreen('tasks'), ui.dataVersion, () => data.tasks(), onError);
  const incidents = useLoaded(onScreen('incidents'), ui.dataVersion, () => data.incidents(), onError);
  const schedules = useLoaded(onScreen('schedules'), ui.dataVersion, () => data.schedules(), onError);
  const failed = useLoaded(onScreen('schedules'), ui.dataVersion, () => data.failedDeliveries(), onError);
  const dashboard = useLoaded(onScreen('dashboard'), ui.dataVersion, () => data.dashboard(), onError);

  // Read on every screen: help, hints and the palette offer the office's actions everywhere.
  const rights = useLoaded(true, ui.dataVersion, () => data.officeRights(), onError);
  const openForm = useOpenForm(data, ui.tasks, { tasks, rights }, { t, lang: ui.lang }, onError);
  const rows = useMemo(() => (openForm?.spec ? formRows(openForm.spec, ui.tasks.draft) : []), [openForm, ui.tasks.draft]);
  const problems = useMemo(() => {
    const map = new Map<string, string>();
    if (!openForm) return map;
    for (const p of openForm.validate(ui.tasks.draft as Record<string, unknown>)) if (!map.has(p.path)) map.set(p.path, problemText(p.message, t));
    return map;
  }, [openForm, ui.tasks.draft, t]);

  const listRows = Math.max(3, layout.bodyHeight - 1);
  const viewRef = useRef<ViewInfo>(undefined as unknown as ViewInfo);
  viewRef.current = {
    layout,
    t,
    findings,
    people: lookups.people,
    departments: lookups.departments,
    tasks,
    form: openForm?.spec ? { rows, validate: (draft) => openForm.validate(draft as Record<string, unknown>), submit: openForm.submit } : undefined,
    rights,
    incidents,
    schedules,
    listRows,
  };
  const ctx = useMemo<ConsoleContext>(() => ({ store, data, view: () => viewRef.current, refresh, exit: () => exit(), fail: onError }), [store, data, refresh, exit, onError]);
  // A terminal that cannot do raw mode (stdin not a TTY) gets no key handling rather than a crash.
  useInput((input, key) => handleKey(ctx, input, key), { isActive: isRawModeSupported === true });

  const underCursor = ui.screen === 'findings' && findings.current.saved.kind === 'findings' ? findings.rowAt(ui.findings.list.cursor) : undefined;
  const marked = ui.findings.marks.size > 0;
  // Offered: what can() allowed for the finding under the cursor; with marks, every action (core decides each finding).
  const offered = useMemo(
    () => (marked ? [...FINDING_ACTIONS] : underCursor ? FINDING_ACTIONS.filter((a) => availabilityOf(a, findings.decisions).ok) : []),
    [marked, underCursor, findings.decisions],
  );
  const officeNow = officeOffered(rights);
  const unavailable = new Set<Command>([...FINDING_ACTIONS.filter((a) => !offered.includes(a)), ...OFFICE_COMMANDS.filter((c) => !officeNow.includes(c))]);
  const detail = useMemo(
    () =>
      findings.detail
        ? detailLines(findings.detail, {
            t,
            lang: ui.lang,
            theme,
            width: layout.detailWidth,
            timeZone,
            personName: lookups.personName,
            departmentName: lookups.departmentName,
            offered: FINDING_ACTIONS.filter((a) => availabilityOf(a, findings.decisions).ok),
            actionKeys: ACTION_KEYS,
          })
        : undefined,
    [findings.detail, findings.decisions, t, ui.lang, theme, layout.detailWidth, timeZone, lookups],
  );

  const tabViews = useMemo(
    () => findings.tabs.map((tab) => ({ label: tab.saved.id === 'custom' ? `${t(tab.saved.labelKey)}: ${queryIn(tab.saved, ui.lang)}` : t(tab.saved.labelKey), count: tab.count })),
    [findings.tabs, t, ui.lang],
  );
  const scopes = activeScopes(ui, findings.current.saved.kind);
  const overlay = ui.overlay;
  const bodyHeight = layout.bodyHeight + (ui.screen === 'findings' ? 0 : 1);
  let body;
  if (overlay?.kind === 'help') {
    body = <HelpView sections={[...helpSections(KEYMAP, scopes, t, { ascii: theme.ascii, unavailable }), legendSection(theme, t)]} width={size.columns} height={bodyHeight} />;
  } else if (overlay?.kind === 'palette') {
    body = <CommandPalette entries={paletteNow(ctx, lineText(overlay.line))} line={overlay.line} choice={overlay.choice} width={size.columns} height={bodyHeight} />;
  } else if (overlay?.kind === 'chains') {
    body = <ChainPicker chains={rights?.chains ?? []} line={overlay.line} choice={overlay.choice} width={size.columns} height={bodyHeight} />;
  } else if (overlay?.kind === 'picker') {
    const pickerTitle = overlay.purpose === 'assign' ? t('prompt.assignTo') : overlay.purpose === 'owner' ? t('prompt.planOwner') : (rows.find((r) => r.path === overlay.path)?.label[ui.lang] ?? '');
    body = <PersonPicker title={pickerTitle} people={lookups.people} line={overlay.line} choice={overlay.choice} width={size.columns} height={bodyHeight} />;
  } else if (ui.screen === 'findings') {
    body = (
      <FindingsBody
        ui={ui.findings}
        view={findings}
        layout={layout}
        detail={detail}
        timeZone={timeZone}
        personName={lookups.personName}
        departmentName={lookups.departmentName}
      />
    );
  } else if (ui.screen === 'tasks') {
    body = openForm ? (
      <TaskFormView title={openForm.title} context={openForm.context} rows={rows} draft={ui.tasks.draft} selected={ui.tasks.field} problems={problems} width={size.columns} height={bodyHeight} personName={lookups.personName} />
    ) : (
      <TaskList tasks={tasks} cursor={ui.tasks.list.cursor} top={ui.tasks.list.top} height={listRows} width={size.columns} timeZone={timeZone} />
    );
  } else if (ui.screen === 'dashboard') {
    body = <DashboardView data={dashboard} width={size.columns} height={bodyHeight} timeZone={timeZone} departmentName={lookups.departmentName} />;
  } else if (ui.screen === 'schedules') {
    body = <SchedulesView schedules={schedules} failed={failed} cursor={ui.schedules.cursor} top={ui.schedules.top} height={bodyHeight} width={size.columns} timeZone={timeZone} />;
  } else {
    body = <IncidentsView incidents={incidents} cursor={ui.incidents.cursor} top={ui.incidents.top} height={listRows} width={size.columns} timeZone={timeZone} />;
  }

  const alert = alertText(alerts, t, timeZone, theme.ascii);
  const status = statusText(ui, findings, t, alert ?? (lookups.me === undefined && lookups.loaded ? t('app.noOrgPerson', { person: data.actor }) : undefined));
  const promptText = overlay && (overlay.kind === 'filter' || overlay.kind === 'text' || overlay.kind === 'field') ? lineText(overlay.line) : '';
  let problem: string | undefined;
  if (overlay?.kind === 'filter') problem = filterProblem(ctx, promptText);
  if (overlay?.kind === 'field' && openForm?.spec) {
    const row = rows.find((r) => r.path === overlay.path);
    const draft = row ? withValue(ui.tasks.draft, overlay.path, parseFieldInput(row.field, promptText, timeZone)) : ui.tasks.draft;
    const own = openForm.validate(draft as Record<string, unknown>).find((p) => p.path === overlay.path);
    problem = own ? problemText(own.message, t) : undefined;
  }
  const promptLabel =
    overlay?.kind === 'filter'
      ? t('prompt.filter')
      : overlay?.kind === 'text'
        ? `${textPromptLabel(overlay, t, ui.lang, findings.detail, formatZone(timeZone))}${overlay.ids.length > 1 ? ` (${overlay.ids.length})` : ''}`
        : overlay?.kind === 'field'
          ? (rows.find((r) => r.path === overlay.path)?.label[ui.lang] ?? overlay.path)
          : '';
  const question =
    overlay?.kind === 'confirm'
      ? confirmQuestion(ctx, overlay.action, overlay.ids.length)
      : overlay?.kind === 'confirmRetry'
        ? t('prompt.retryIncident', { id: overlay.id })
        : overlay?.kind === 'confirmLeave'
          ? t('prompt.leaveForm')
          : '';

  if (!fitsConsole(size.columns, size.rows)) {
    // Cut to the width: a wrapped notice would be a layout of its own on a tiny terminal.
    const notice = t('app.tooSmall', { columns: size.columns, rows: size.rows, minColumns: MIN_COLUMNS, minRows: MIN_ROWS });
    return <Text>{truncateToWidth(notice, size.columns, theme.ellipsis)}</Text>;
  }
  return (
    <LookContext.Provider value={look}>
      <Box flexDirection="column" width={size.columns}>
        <ScreenTabs screen={ui.screen} width={size.columns} right={`${t('app.as', { person: lookups.me ? lookups.personName(data.actor) : data.actor })} · ${t('app.live')}`} />
        {ui.screen === 'findings' ? (
          <FilterTabs tabs={tabViews} selected={Math.min(ui.findings.tab, findings.tabs.length - 1)} width={size.columns} />
        ) : null}
        {body}
        <Footer
          overlay={overlay}
          message={ui.message}
          status={status}
          statusTone={alert ? 'warning' : undefined}
          hints={hintLine(scopes[0]!, t, { actions: offered, commands: officeNow })}
          width={size.columns}
          question={question}
          problem={problem}
          promptLabel={promptLabel}
          promptHint={overlay?.kind === 'filter' ? t('prompt.filterHint') : ''}
        />
      </Box>
    </LookContext.Provider>
  );
}

const TEXT_PROMPTS: Readonly<Partial<Record<FindingAction, string>>> = {
  escalate: 'prompt.escalateReason',
  close: 'prompt.closeNote',
  note: 'prompt.note',
  reject: 'prompt.rejectReason',
  reopen: 'prompt.reopenReason',
  evidence: 'prompt.evidencePath',
  plan: 'prompt.planText',
  rootCause: 'prompt.rootCauseText',
  requestExtension: 'prompt.extensionReason',
  refuseExtension: 'prompt.refuseReason',
  setDue: 'prompt.setDueReason',
};

/** The label of an action's due-date prompt (a plan's day by default). */
const DUE_PROMPTS: Readonly<Partial<Record<FindingAction, string>>> = {
  requestExtension: 'prompt.extensionUntil',
  setDue: 'prompt.setDueAt',
};

/** The label of a finding action's text prompt; the action to mark done lists the open ones. */
function textPromptLabel(
  overlay: Extract<NonNullable<ReturnType<typeof initialUiState>['overlay']>, { kind: 'text' }>,
  t: (key: string, vars?: Record<string, unknown>) => string,
  lang: Language,
  detail: WordedFinding | undefined,
  zone: string,
): string {
  const choices = stageChoices(overlay.stage);
  if (choices) return `${choices.label[lang]} (${choices.choices.map((c) => `${c.value} ${c.label[lang]}`).join(' / ')})`;
  if (overlay.stage === 'due') return t(DUE_PROMPTS[overlay.action] ?? 'prompt.planDue', { zone });
  if (overlay.stage === 'actionId') {
    const open = (detail?.id === overlay.ids[0] ? detail.actions : []).filter((a) => a.status === 'open').map((a) => `${a.id} ${a.text}`);
    return t('prompt.doneAction', { open: open.join(', ') });
  }
  return t(TEXT_PROMPTS[overlay.action] ?? 'prompt.note');
}

function statusText(ui: ReturnType<typeof initialUiState>, findings: ReturnType<typeof useFindingsData>, t: (key: string, vars?: Record<string, unknown>) => string, warning: string | undefined): string {
  if (warning) return warning;
  if (ui.screen !== 'findings' || findings.current.saved.kind !== 'findings' || findings.total === undefined) return '';
  const parts = [findings.total === 0 ? t('list.count', { count: 0 }) : t('list.position', { at: (ui.findings.list.cursor + 1).toLocaleString('en-US'), total: findings.total.toLocaleString('en-US') })];
  if (ui.findings.marks.size > 0) parts.push(t('list.marked', { count: ui.findings.marks.size }));
  return parts.join(' · ');
}
