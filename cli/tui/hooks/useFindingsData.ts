import { useEffect, useMemo, useRef, useState } from 'react';
import type { FindingSummary } from '../../../core/findings/Finding.js';
import type { WordedFinding } from '../../../core/findings/findingWords.js';
import { FindingPager } from '../data/FindingPager.js';
import type { DepartmentCount, TuiData } from '../data/TuiData.js';
import { parseFilterQuery, type QueryFilter } from '../filter/parseFilterQuery.js';
import { customFilter, SAVED_FILTERS, type SavedFilter } from '../filter/savedFilters.js';
import type { FindingDecisions } from '../model/findingPermissions.js';
import type { ScreenLayout } from '../model/screenLayout.js';
import type { FindingsUi } from '../model/uiState.js';
import type { Lookups } from './useLookups.js';

/** A tab with its parsed filter and count. */
export interface TabState {
  readonly saved: SavedFilter;
  readonly filter: QueryFilter;
  readonly count: number | undefined;
}

/** What the findings screen shows, read a page at a time. */
export interface FindingsView {
  readonly tabs: readonly TabState[];
  readonly current: TabState;
  readonly total: number | undefined;
  rowAt(index: number): FindingSummary | undefined;
  readonly departments: readonly DepartmentCount[] | undefined;
  /** The finding under the cursor with its timeline, once loaded. */
  readonly detail: WordedFinding | undefined;
  /** What `can()` answers the current person for that finding's actions, read with it. */
  readonly decisions: FindingDecisions | undefined;
}

/**
 * How long the cursor must rest on a finding before its detail is read and drawn:
 * longer than a held key's repeat gap (30–40 ms), so holding `j` draws only the cursor
 * moving, a frame a key, instead of a second frame for a detail that is gone the next
 * moment; short enough to feel immediate when the cursor stops.
 */
const DETAIL_DELAY_MS = 100;

/** How long after the list shows the tabs are counted: long enough for Ink to write the list's frame first. */
const COUNT_DELAY_MS = 50;

/**
 * The findings screen's data: every tab's count, the current tab's rows through a
 * {@link FindingPager} (only the window and a page either side are read), the
 * department table, and the detail of the finding under the cursor. Everything is read
 * again when `version` changes (a refresh, a change seen in the database).
 */
export function useFindingsData(data: TuiData, ui: FindingsUi, layout: ScreenLayout, lookups: Lookups, version: number, onError: (error: unknown) => void): FindingsView {
  const [, setTick] = useState(0);
  // Names resolve once the org is known; without one, ids pass through as typed.
  const context = useMemo(
    () => ({ me: data.actor, myDepartments: lookups.myDepartments, departments: lookups.departments.length > 0 ? lookups.departments : undefined, people: lookups.people }),
    [data.actor, lookups.myDepartments, lookups.departments, lookups.people],
  );
  const saved = useMemo(() => [...SAVED_FILTERS[lookups.seat], ...(ui.custom !== null ? [customFilter(ui.custom)] : [])], [ui.custom, lookups.seat]);
  // Either language's query says the same; the English one is parsed.
  const filters = useMemo(() => saved.map((s) => parseFilterQuery(s.query.en, context).filter), [saved, context]);
  const filtersKey = JSON.stringify(filters);

  const tabIndex = Math.min(ui.tab, saved.length - 1);
  const current = saved[tabIndex]!;
  const currentFilter = filters[tabIndex]!;
  const currentKey = JSON.stringify(currentFilter);
  const pager = useMemo(
    () => new FindingPager((page) => data.listFindings(currentFilter, page), () => setTick((n) => n + 1)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, currentKey],
  );

  const [total, setTotal] = useState<{ key: string; n: number } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    data.countFindings(currentFilter).then((n) => live && setTotal({ key: currentKey, n }), (e: unknown) => live && onError(e));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, currentKey, version, onError]);
  const currentTotal = total?.key === currentKey ? total.n : undefined;

  const windowRef = useRef({ top: ui.list.top, rows: layout.listRows, total: currentTotal });
  windowRef.current = { top: ui.list.top, rows: layout.listRows, total: currentTotal };
  const firstVersion = useRef(version);
  useEffect(() => {
    if (version === firstVersion.current) return;
    const { top, rows, total: n } = windowRef.current;
    pager.refresh(top, top + rows, n).catch(onError);
  }, [pager, version, onError]);
  useEffect(() => {
    if (current.kind !== 'findings') return;
    pager.ensure(ui.list.top, ui.list.top + layout.listRows, currentTotal).catch(onError);
  }, [pager, current.kind, ui.list.top, layout.listRows, currentTotal, onError]);

  // The tabs are counted once the list is on screen, and from a timer: SQLite answers
  // synchronously, so queued queries run back to back, and Ink writes a frame from a
  // timer of its own; counting every tab at once (a few hundred ms at 100 000 findings)
  // would hold the list's first frame back until the last count.
  const [counts, setCounts] = useState<readonly (number | undefined)[]>([]);
  const listShown = total !== undefined;
  useEffect(() => {
    if (!listShown) return;
    let live = true;
    // One count at a time, letting keys in between: a count of 100,000 findings holds
    // the thread for up to a tenth of a second, and the tabs are counted again whenever
    // the database changes.
    const countAll = async () => {
      const n: number[] = [];
      for (const f of filters) {
        n.push(await data.countFindings(f));
        await new Promise((resolve) => setImmediate(resolve));
        if (!live) return;
      }
      setCounts(n);
    };
    const timer = setTimeout(() => countAll().catch((e: unknown) => live && onError(e)), COUNT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // filtersKey stands for filters: a new array with the same filters must not recount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, filtersKey, version, onError, listShown]);

  const [departments, setDepartments] = useState<readonly DepartmentCount[] | undefined>(undefined);
  useEffect(() => {
    if (current.kind !== 'departments') return;
    let live = true;
    data.departmentCounts().then((d) => live && setDepartments(d), (e: unknown) => live && onError(e));
    return () => {
      live = false;
    };
  }, [data, current.kind, version, onError]);

  const under = current.kind === 'findings' ? pager.rowAt(ui.list.cursor) : undefined;
  const wantDetail = layout.showDetail || layout.pane !== 'alone';
  const [detail, setDetail] = useState<{ finding: WordedFinding; decisions: FindingDecisions } | undefined>(undefined);
  const underId = under?.id;
  useEffect(() => {
    if (!underId || !wantDetail) return;
    let live = true;
    const timer = setTimeout(() => {
      Promise.all([data.finding(underId), data.decisions(underId)]).then(
        ([finding, decisions]) => live && setDetail({ finding, decisions }),
        (e: unknown) => live && onError(e),
      );
    }, DETAIL_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [data, underId, wantDetail, version, under?.updatedAt, onError]);

  const tabs = useMemo(() => saved.map((s, i) => ({ saved: s, filter: filters[i]!, count: counts[i] })), [saved, filters, counts]);
  return {
    tabs,
    current: tabs[tabIndex]!,
    total: currentTotal,
    rowAt: (index) => pager.rowAt(index),
    departments,
    detail: detail && detail.finding.id === underId ? detail.finding : undefined,
    decisions: detail && detail.finding.id === underId ? detail.decisions : undefined,
  };
}
