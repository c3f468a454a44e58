import type { DateTime } from 'luxon';
import { checkDays } from './checkDays.js';
import { DAY } from './demoCalendar.js';
import type { DemoRandom } from './demoRandom.js';
import type { DemoWorld } from './DemoWorld.js';

/** One round of duty-post checks as the demo plans it. */
interface PostRound {
  readonly department: string;
  readonly kind: 'night' | 'day';
  readonly day: DateTime;
  readonly posts: readonly string[];
}

/** What happens to an absence after it is found. */
type AbsenceSequel = 'present' | 'absent-again' | 'late-recheck';

const HANDOVER_INCOMPLETE = 0.06;
const WORK_LOG_MISSING = 0.08;
/** Absences are rare ("a few" in six months): one for every six weeks of history, at least two. */
const WEEKS_PER_ABSENCE = 6;

/** The departments with duty posts, and their night and day posts, in the org's order. */
export function dutyPostDepartments(world: DemoWorld): { department: string; night: string[]; day: string[] }[] {
  const departments = [...new Set(world.org.posts.map((p) => p.department))];
  return departments.map((department) => {
    const posts = world.org.posts.filter((p) => p.department === department).map((p) => p.id);
    return { department, night: posts.filter((p) => p.endsWith('-night')), day: posts.filter((p) => p.endsWith('-day')) };
  });
}

/**
 * Plans the duty-post spot checks (值班在岗检查, 查岗): every department's night posts twice
 * a month at a random time between 22:00 and 06:00, and the day posts of the departments
 * that have them twice a month in working hours ({@link checkDays}). An inspector starts the
 * `duty-post-inspection` chain with the posts and the rota and records each post. A few
 * absences are planned (critical: escalated at once, a corrective meeting started); each
 * is re-inspected within days, once found absent again, once only after the 7-day limit.
 */
export function planDutyPostChecks(world: DemoWorld): void {
  const rounds: PostRound[] = [];
  const departments = dutyPostDepartments(world);
  for (const day of world.calendar.days(world.start, world.end)) {
    departments.forEach(({ department, night, day: dayPosts }, index) => {
      if (night.length > 0 && checkDays('night', index).includes(day.day)) rounds.push({ department, kind: 'night', day, posts: night });
      if (dayPosts.length > 0 && checkDays('day', index).includes(day.day)) rounds.push({ department, kind: 'day', day, posts: dayPosts });
    });
  }
  const absences = chooseAbsences(world, rounds);
  for (const round of rounds) planRound(world, round, absences.get(round));
}

// Absences go to night rounds (where they happen) spread over the history, away from its
// first week and its last days, each department at most once.
function chooseAbsences(world: DemoWorld, rounds: readonly PostRound[]): Map<PostRound, AbsenceSequel> {
  const random = world.random('absences');
  const weeks = Math.max(1, Math.round((world.end.getTime() - world.start.getTime()) / (7 * DAY)));
  const count = Math.max(2, Math.round(weeks / WEEKS_PER_ABSENCE));
  const eligible = rounds.filter((r) => r.kind === 'night' && r.day.toMillis() > world.start.getTime() + 7 * DAY && r.day.toMillis() < world.end.getTime() - 3 * DAY);
  const chosen = new Map<PostRound, AbsenceSequel>();
  const used = new Set<string>();
  for (const round of random.shuffle(eligible)) {
    if (chosen.size >= count) break;
    if (used.has(round.department)) continue;
    used.add(round.department);
    chosen.set(round, 'present');
  }
  // The earliest absence is found again at the re-inspection; the next is re-inspected late.
  const ordered = [...chosen.keys()].sort((a, b) => a.day.toMillis() - b.day.toMillis());
  if (ordered[0]) chosen.set(ordered[0], 'absent-again');
  if (ordered[1]) chosen.set(ordered[1], 'late-recheck');
  return chosen;
}

function planRound(world: DemoWorld, round: PostRound, absence: AbsenceSequel | undefined): void {
  const { calendar, timeline, duban } = world;
  const date = round.day.toISODate()!;
  const random = world.random('duty post', round.kind, round.department, date);
  const startAt = round.kind === 'night' ? calendar.at(round.day, random.between(22, 30)) : calendar.at(round.day, random.between(9, 16.5));
  const recordAt = new Date(startAt.getTime() + random.between(5, 25) * 60_000);
  const inspector = random.pick(world.inspectors);
  const staff = world.staff(round.department);
  const ordinal = Math.floor(round.day.toMillis() / DAY);
  const posts = round.posts.map((post, i) => ({ post, person: staff[(ordinal + i) % staff.length]!.id }));
  const absentPost = absence ? random.pick(round.posts) : undefined;
  const records = posts.map(({ post }) => record(random, post, post === absentPost, startAt, world));
  const absentee = posts.find((p) => p.post === absentPost)?.person;
  let instanceId = '';
  timeline.at(startAt, `duty-post check ${round.department}`, async () => {
    instanceId = (await duban.engine.start('duty-post-inspection', { department: round.department, posts }, inspector)).id;
  });
  timeline.at(recordAt, `duty-post record ${round.department}`, async () => {
    if (absentPost && absentee) world.absentees.set(absentPost, absentee);
    const sent = await duban.engine.send(instanceId, { type: 'SUBMIT', data: { posts: records } }, inspector);
    if (sent.instance.state === 'reinspecting' && absentPost) planReinspection(world, instanceId, absentPost, absence!, recordAt, 1);
  }, { watched: true });
}

// The re-inspection of an absent post, at night a few days later (the chain allows 7).
function planReinspection(world: DemoWorld, instanceId: string, post: string, sequel: AbsenceSequel, after: Date, round: number): void {
  const random = world.random('reinspection', post, after.toISOString());
  const days = sequel === 'late-recheck' ? random.int(8, 9) : random.int(2, 5);
  const day = world.calendar.local(after).startOf('day').plus({ days });
  const at = world.calendar.at(day, random.between(22, 26));
  const inspector = random.pick(world.inspectors);
  const absentAgain = sequel === 'absent-again' && round === 1;
  world.timeline.at(at, `duty-post re-inspection ${post}`, async () => {
    const data = { posts: [record(random, post, absentAgain, at, world, true)] };
    const sent = await world.duban.engine.send(instanceId, { type: 'SUBMIT', data }, inspector);
    if (sent.instance.state === 'reinspecting') planReinspection(world, instanceId, post, 'present', at, round + 1);
  }, { watched: true });
}

function record(random: DemoRandom, post: string, absent: boolean, at: Date, world: DemoWorld, reinspection = false) {
  const minutes = world.calendar.local(at).toFormat('HH:mm');
  if (absent) {
    const note = `${minutes} 岗位无人，电话联系 ${random.int(15, 40)} 分钟后到岗`;
    return { post, present: false, handoverComplete: random.chance(0.5), workLogFiled: true, note };
  }
  const handoverComplete = reinspection || !random.chance(HANDOVER_INCOMPLETE);
  const workLogFiled = reinspection || !random.chance(WORK_LOG_MISSING);
  const notes = [...(handoverComplete ? [] : ['交接班记录缺患者病情与待办医嘱']), ...(workLogFiled ? [] : ['本周工作日志未按日存档'])];
  return { post, present: true, handoverComplete, workLogFiled, ...(notes.length > 0 ? { note: notes.join('；') } : {}) };
}
