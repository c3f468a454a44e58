import { DateTime } from 'luxon';

/** Milliseconds of an hour and of a day (Asia/Shanghai has no daylight saving). */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * The hospital's calendar in its time zone: the history is planned in local days and
 * wall-clock times (shift handover at 08:00, night rounds after 22:00), and stored as
 * instants.
 */
export class DemoCalendar {
  // Zone offsets by hour of UTC: luxon's zone arithmetic is the demo's hottest path otherwise.
  readonly #offsets = new Map<number, number>();

  constructor(readonly zone: string) {}

  /** Local midnight `months` calendar months before `end`: where the history starts. */
  historyStart(end: Date, months: number): Date {
    return this.local(end).minus({ months }).startOf('day').toJSDate();
  }

  /** Every local day from the day of `start` to the day of `end`, as local midnights. */
  days(start: Date, end: Date): DateTime[] {
    const last = this.local(end).startOf('day');
    const days: DateTime[] = [];
    for (let day = this.local(start).startOf('day'); day <= last; day = day.plus({ days: 1 })) days.push(day);
    return days;
  }

  /** The instant of a wall-clock time (hours may run past 24: 25.5 is 01:30 the next day). */
  at(day: DateTime, hours: number): Date {
    const midnight = day.startOf('day').toMillis();
    const naive = midnight + Math.round(hours * HOUR);
    // Across a daylight-saving change the wall clock moved: follow it.
    return new Date(naive - (this.offsetMs(naive) - this.offsetMs(midnight)));
  }

  /**
   * The instant moved into office hours (08:00 to 18:00): people answer findings and
   * record minutes at work, not at 03:00. `spreadHours` spreads the moved instant after 08:00.
   */
  officeHours(at: Date, spreadHours: number): Date {
    const wall = at.getTime() + this.offsetMs(at.getTime());
    const hour = (wall % DAY) / HOUR;
    if (hour >= 8 && hour < 18) return at;
    const day = this.local(at).startOf('day').plus({ days: hour < 8 ? 0 : 1 });
    return this.at(day, 8 + Math.min(spreadHours, 9.5));
  }

  /** The local date, `YYYY-MM-DD`. */
  date(at: Date): string {
    return new Date(at.getTime() + this.offsetMs(at.getTime())).toISOString().slice(0, 10);
  }

  /** The instant in local time with its offset (`2026-03-03T16:00:00.000+08:00`), as people write it. */
  localIso(at: Date): string {
    return this.local(at).toISO()!;
  }

  /** The quarter of an instant, `2026-Q1`. */
  quarter(at: Date | DateTime): string {
    const local = at instanceof Date ? this.local(at) : at;
    return `${local.year}-Q${local.quarter}`;
  }

  /** The instant as a local date-time. */
  local(at: Date): DateTime {
    return DateTime.fromJSDate(at, { zone: this.zone });
  }

  /** The zone's offset from UTC at an instant, in milliseconds. */
  private offsetMs(time: number): number {
    const hour = Math.floor(time / HOUR);
    let offset = this.#offsets.get(hour);
    if (offset === undefined) {
      offset = DateTime.fromMillis(hour * HOUR, { zone: this.zone }).offset * 60_000;
      this.#offsets.set(hour, offset);
    }
    return offset;
  }
}
