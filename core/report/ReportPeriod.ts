import { DateTime } from 'luxon';
import { DubanError } from '../errors/DubanError.js';

/**
 * The span a report covers, as calendar dates in the hospital's time zone and as UTC
 * instants (`from` inclusive, `to` exclusive): the database keeps ISO instants in UTC,
 * so `at >= from and at < to` selects the period in SQL on both dialects.
 */
export interface ReportPeriod {
  readonly kind: 'month' | 'year';
  /** `2026-03` or `2026`. */
  readonly label: string;
  readonly timeZone: string;
  readonly from: string;
  readonly to: string;
  /** The first day and the day after the last, as local dates (`2026-03-01`, `2026-04-01`). */
  readonly fromDate: string;
  readonly toDate: string;
  /** Start of the period's calendar year, for year-to-date figures against yearly targets. */
  readonly yearFrom: string;
  readonly yearFromDate: string;
  /** Where states are read ("overdue at"): the end of the period, or now when the period has not ended. */
  readonly asOf: string;
}

/**
 * The period of a calendar month in `timeZone`.
 *
 * @param month `YYYY-MM`.
 * @param now the clock's now: a month not yet over is read as of now.
 * @throws DubanError `USAGE` naming `--month` when it is not a month.
 * @example monthPeriod('2026-03', 'Asia/Shanghai', now).from // '2026-02-28T16:00:00.000Z'
 */
export function monthPeriod(month: string, timeZone: string, now: Date): ReportPeriod {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new DubanError('USAGE', `--month: "${month}" is not a month like 2026-03`, { place: { argument: '--month' } });
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: timeZone });
  return period('month', month, start, start.plus({ months: 1 }), timeZone, now);
}

/**
 * The period of a calendar year in `timeZone`.
 *
 * @throws DubanError `USAGE` naming `--year` when it is not a year.
 */
export function yearPeriod(year: string, timeZone: string, now: Date): ReportPeriod {
  if (!/^\d{4}$/.test(year)) throw new DubanError('USAGE', `--year: "${year}" is not a year like 2026`, { place: { argument: '--year' } });
  const start = DateTime.fromObject({ year: Number(year), month: 1, day: 1 }, { zone: timeZone });
  return period('year', year, start, start.plus({ years: 1 }), timeZone, now);
}

function period(kind: ReportPeriod['kind'], label: string, start: DateTime, end: DateTime, timeZone: string, now: Date): ReportPeriod {
  if (!start.isValid) throw new DubanError('CONFIG_INVALID', `time zone "${timeZone}" is not an IANA time zone`);
  const yearStart = start.startOf('year');
  const nowIso = now.toISOString();
  return {
    kind,
    label,
    timeZone,
    from: iso(start),
    to: iso(end),
    fromDate: start.toISODate()!,
    toDate: end.toISODate()!,
    yearFrom: iso(yearStart),
    yearFromDate: yearStart.toISODate()!,
    asOf: nowIso < iso(end) ? nowIso : iso(end),
  };
}

// toISOString's fixed width (milliseconds, Z) is what the tables hold, so text order is time order.
function iso(at: DateTime): string {
  return at.toJSDate().toISOString();
}
