import type { Duban } from '../core/index.js';
import type { DemoCalendar } from './demoCalendar.js';
import type { DemoOrg, DemoPerson } from './demoOrg.js';
import { keyedRandom, type DemoRandom } from './demoRandom.js';
import type { DemoTimeline } from './DemoTimeline.js';

/**
 * What every part of the demo history shares: the engine, the timeline, the calendar,
 * the org and the seed, with the lookups the people of the story need (who heads a
 * department, who works in it, who the officers and inspectors are).
 */
export class DemoWorld {
  readonly office: readonly string[];
  readonly inspectors: readonly string[];
  /** Who was last found absent from each duty post: they make the self-criticism at the meeting. */
  readonly absentees = new Map<string, string>();

  constructor(
    readonly duban: Duban,
    readonly timeline: DemoTimeline,
    readonly calendar: DemoCalendar,
    readonly org: DemoOrg,
    readonly seed: number,
    readonly start: Date,
  ) {
    this.office = org.people.filter((p) => p.roles.includes('office')).map((p) => p.id);
    this.inspectors = org.people.filter((p) => p.roles.includes('inspector')).map((p) => p.id);
  }

  /** The end of the history: now. */
  get end(): Date {
    return this.timeline.end;
  }

  /** A random stream for one thing of the story (see {@link keyedRandom}). */
  random(...key: readonly (string | number)[]): DemoRandom {
    return keyedRandom(this.seed, ...key);
  }

  /** Everyone of a department, its head first. */
  members(department: string): readonly DemoPerson[] {
    return this.org.people.filter((p) => p.department === department);
  }

  /** The department's head (科主任): the first person with the `head` role in it. */
  head(department: string): string | undefined {
    return this.members(department).find((p) => p.roles.includes('head'))?.id;
  }

  /** The department's staff, its head excluded. */
  staff(department: string): readonly DemoPerson[] {
    return this.members(department).filter((p) => !p.roles.includes('head'));
  }

  /** A person's name in Chinese (for minutes and notes), or the id when unknown. */
  nameOf(id: string): string {
    return this.org.people.find((p) => p.id === id)?.zh ?? id;
  }
}
