import { useEffect, useMemo, useState } from 'react';
import type { Language } from '../../../core/i18n/Localized.js';
import type { Person } from '../../../core/org/OrgDirectory.js';
import type { Department, TuiData } from '../data/TuiData.js';
import { departmentsUnder, seatOf, type Seat } from '../model/seat.js';

/** The org as the screens need it: names by id and the current person. */
export interface Lookups {
  readonly people: readonly Person[];
  readonly departments: readonly Department[];
  readonly me: Person | undefined;
  readonly loaded: boolean;
  /** Where the current person sits: the office, or his departments. */
  readonly seat: Seat;
  /** The current person's department and those under it (for `dept:@me`); undefined without one. */
  readonly myDepartments: readonly string[] | undefined;
  personName(id: string): string;
  departmentName(id: string): string;
  /** A department and its ancestors, nearest first (for department-scoped roles). */
  departmentLine(id: string): string[];
}

/** Loads people, departments and the current person; again whenever `version` changes. */
export function useLookups(data: TuiData, version: number, lang: Language, onError: (error: unknown) => void): Lookups {
  const [state, setState] = useState<{ people: Person[]; departments: Department[]; me: Person | undefined; loaded: boolean }>({
    people: [],
    departments: [],
    me: undefined,
    loaded: false,
  });
  useEffect(() => {
    let live = true;
    Promise.all([data.people(), data.departments(), data.me()]).then(
      ([people, departments, me]) => live && setState({ people, departments, me, loaded: true }),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [data, version, onError]);
  return useMemo(() => {
    const people = new Map(state.people.map((p) => [p.id, p]));
    const departments = new Map(state.departments.map((d) => [d.id, d]));
    const home = state.me?.departmentId;
    return {
      ...state,
      seat: seatOf(state.me),
      myDepartments: home ? departmentsUnder(home, new Map(state.departments.map((d) => [d.id, d.parentId]))) : undefined,
      personName: (id) => {
        const p = people.get(id);
        return p ? (lang === 'zh-CN' ? p.nameZh : p.nameEn) : id;
      },
      departmentName: (id) => {
        const d = departments.get(id);
        return d ? (lang === 'zh-CN' ? d.nameZh : d.nameEn) : '';
      },
      departmentLine: (id) => {
        const line: string[] = [];
        for (let at: string | null | undefined = id; at && !line.includes(at); at = departments.get(at)?.parentId) line.push(at);
        return line;
      },
    };
  }, [state, lang]);
}
