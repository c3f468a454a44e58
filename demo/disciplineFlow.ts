import { checkDays } from './checkDays.js';
import { DAY } from './demoCalendar.js';
import { DEMO_DEPARTMENTS } from './demoOrg.js';
import type { DemoWorld } from './DemoWorld.js';

/** The departments whose staff are checked for discipline: those with a head and staff, in the org's order. */
export function disciplineDepartments(world: DemoWorld): string[] {
  return DEMO_DEPARTMENTS.map((d) => d.id as string).filter((d) => world.head(d) !== undefined && world.staff(d).length > 0);
}

/** Before the drills of the first month (集中交班、劳动纪律整顿) lapses were this frequent; after them, 98–100% punctuality. */
const LAPSE_BEFORE_DRILLS = 0.07;
const LAPSE_AFTER_DRILLS = 0.02;
const ON_LEAVE = 0.03;
/** A few habitual latecomers make the recurrences the effectiveness re-check reopens. */
const HABITUAL_LATECOMERS = 2;
const HABITUAL_LATE = 0.35;

/**
 * Plans the discipline checks (劳动纪律检查) of every staffed department, twice a month at
 * shift handover (08:00), on its own days ({@link checkDays}): an inspector starts the
 * `discipline-check` chain with the department's roster and records everyone. In the
 * first four weeks, before the collective-handover drills took hold, lapses are frequent;
 * after them punctuality runs at 98–100%, but for a few habitual latecomers.
 */
export function planDisciplineChecks(world: DemoWorld): void {
  const { calendar, timeline, duban } = world;
  const departments = disciplineDepartments(world);
  const habitual = new Set(
    world
      .random('habitual latecomers')
      .shuffle(departments.flatMap((d) => world.staff(d).map((p) => p.id)))
      .slice(0, HABITUAL_LATECOMERS),
  );
  const drillsEnd = world.start.getTime() + 28 * DAY;
  for (const day of calendar.days(world.start, world.end)) {
    departments.forEach((department, index) => {
      if (!checkDays('discipline', index).includes(day.day)) return;
      const date = day.toISODate()!;
      const random = world.random('discipline', department, date);
      const startAt = calendar.at(day, 8 + random.between(0, 0.4));
      const recordAt = new Date(startAt.getTime() + random.between(15, 50) * 60_000);
      const inspector = random.pick(world.inspectors);
      const roster = world.members(department).map((p) => p.id);
      const lapse = startAt.getTime() < drillsEnd ? LAPSE_BEFORE_DRILLS : LAPSE_AFTER_DRILLS;
      const records = roster.map((person) => {
        if (random.chance(ON_LEAVE)) return { person, status: 'on_leave', note: random.pick(['病假', '年休假', '外出进修']) };
        const late = habitual.has(person) && random.chance(HABITUAL_LATE);
        if (!late && !random.chance(lapse)) return { person, status: 'on_time' };
        const roll = random.next();
        if (late || roll < 0.55) return { person, status: 'late', note: `08:${String(random.int(6, 35)).padStart(2, '0')} 到岗` };
        if (roll < 0.7) return { person, status: 'left_early', note: `${random.int(15, 16)}:${String(random.int(10, 50))} 提前离岗，未请假` };
        return { person, status: 'away_from_post', note: random.pick(['上班期间离岗至其他科室串岗', '离岗外出办私事约 40 分钟', '岗位无人，电话联系后返回']) };
      });
      let instanceId = '';
      timeline.at(startAt, `discipline check ${department}`, async () => {
        instanceId = (await duban.engine.start('discipline-check', { department, roster }, inspector)).id;
      });
      timeline.at(recordAt, `discipline record ${department}`, async () => {
        await duban.engine.send(instanceId, { type: 'SUBMIT', data: { records } }, inspector);
      }, { watched: true });
    });
  }
}
