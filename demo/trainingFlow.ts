import { DAY } from './demoCalendar.js';
import { DEMO_COUNTY_LABS } from './demoOrg.js';
import type { DemoWorld } from './DemoWorld.js';

/** A training the office runs: the kinds and topics the seeds name. */
interface TrainingTopic {
  readonly topic: string;
  readonly kind: 'pre-job' | 'law-and-regulation' | 'technical' | 'procedure-workshop';
  readonly trainer: string;
  readonly audience: readonly string[];
  readonly passMark?: number;
}

const COUNTY_LABS = DEMO_COUNTY_LABS.map((l) => l.id);

/** The year's training plan, in the order the office works through it. */
export const TRAINING_TOPICS: readonly TrainingTopic[] = [
  { topic: '新入职人员岗前培训：依法执业与医疗核心制度', kind: 'pre-job', trainer: '院办 法务专员', audience: ['IM', 'SUR', 'OBG', 'PED', 'ORT', 'EM', 'NUR'] },
  { topic: '痰涂片镜检操作规程培训班（县级实验室）', kind: 'procedure-workshop', trainer: '结防所实验室 主任技师', audience: ['TBL', ...COUNTY_LABS], passMark: 80 },
  { topic: '影像诊断技术培训与传帮带', kind: 'technical', trainer: '医技科 主任医师', audience: ['CT', 'CDU', 'BUS', 'XR'] },
  { topic: '值班与交接班制度、劳动纪律专题培训', kind: 'law-and-regulation', trainer: '质控办', audience: ['EM', 'SUR', 'IM', 'NUR', 'PED'] },
  { topic: '医疗质量统计与病案首页填报培训', kind: 'technical', trainer: '统计室 主管', audience: ['IM', 'SUR', 'OBG', 'ORT', 'TBW'] },
  { topic: '医疗纠纷防范与《医疗质量管理办法》', kind: 'law-and-regulation', trainer: '市卫健委 特邀讲师', audience: ['IM', 'SUR', 'OBG', 'PED', 'ORT', 'EM'] },
  { topic: '结核病防治规划与督导管理培训', kind: 'technical', trainer: '省结防所 专家', audience: ['TBO', 'TBW', 'TBL', 'CHC'] },
  { topic: '院感防控与手卫生操作规程', kind: 'procedure-workshop', trainer: '护理部 主任护师', audience: ['NUR', 'IM', 'SUR', 'PED', 'OBG'], passMark: 80 },
];

/** People trained in a year, the figure the plans state (the seeds: a yearly target). */
const YEARLY_TARGET = 300;

/**
 * Plans a training session (培训) a month, through the `training-session` chain: the office
 * starts it at the beginning of the month and submits the plan, the sign-in on the day
 * (most of the audience's staff come), the assessment scores the day after (a few fail),
 * and the make-up results a few weeks later (once past its 30 days); one month's session
 * is cancelled after its notice.
 */
export function planTrainings(world: DemoWorld): void {
  const { calendar, timeline, duban } = world;
  const offset = world.random('training plan').int(0, TRAINING_TOPICS.length - 1);
  let month = calendar.local(world.start).startOf('month');
  if (month.toMillis() < world.start.getTime()) month = month.plus({ months: 1 });
  for (let n = 0; month.toMillis() < world.end.getTime(); n++, month = month.plus({ months: 1 })) {
    const topic = TRAINING_TOPICS[(offset + n) % TRAINING_TOPICS.length]!;
    const random = world.random('training', month.toISODate()!);
    const officer = random.pick(world.office);
    const startAt = calendar.at(month.plus({ days: random.int(0, 2) }), random.between(9, 11));
    const planAt = new Date(startAt.getTime() + random.between(1, 3) * DAY);
    let held = month.plus({ days: random.int(9, 18) });
    while (held.weekday > 5) held = held.plus({ days: 1 });
    const heldAt = calendar.at(held, 17.5);
    const scoredAt = calendar.at(held.plus({ days: 1 }), random.between(9, 12));
    const makeUpAt = new Date(scoredAt.getTime() + (random.chance(0.12) ? random.between(31, 38) : random.between(7, 21)) * DAY);
    const cancelled = n > 0 && random.chance(0.1);
    const expected = topic.audience.flatMap((d) => world.members(d).map((p) => p.id));
    const present = expected.filter(() => !random.chance(0.08));
    const scores = present.map((person) => ({ person, score: Math.min(100, Math.round(random.chance(0.06) ? random.between(40, 59) : random.between(62, 99))) }));
    let id = '';

    timeline.at(startAt, `training start ${month.toISODate()}`, async () => {
      id = (await duban.engine.start('training-session', { department: 'QC' }, officer)).id;
    });
    timeline.at(planAt, `training plan ${month.toISODate()}`, async () => {
      const plan = { topic: topic.topic, kind: topic.kind, trainer: topic.trainer, audience: [...topic.audience], plannedDate: held.toISODate()!, yearlyTarget: YEARLY_TARGET };
      await duban.engine.send(id, { type: 'SUBMIT', data: topic.passMark ? { ...plan, passMark: topic.passMark } : plan }, officer);
    });
    if (cancelled) {
      timeline.at(new Date(heldAt.getTime() - random.between(2, 4) * DAY), `training cancel ${month.toISODate()}`, async () => {
        await duban.engine.send(id, { type: 'CANCEL', data: { reason: '授课专家临时出差，培训改期至下月' } }, officer);
      });
      continue;
    }
    timeline.at(heldAt, `training sign-in ${month.toISODate()}`, async () => {
      await duban.engine.send(id, { type: 'SUBMIT', data: { heldOn: held.toISODate()!, expected, present } }, officer);
    });
    timeline.at(scoredAt, `training scores ${month.toISODate()}`, async () => {
      const sent = await duban.engine.send(id, { type: 'SUBMIT', data: { scores } }, officer);
      if (sent.instance.state !== 'make-up') return;
      const owed = (sent.instance.context.data.makeUp as { person: string }[]).map((m) => m.person);
      timeline.at(makeUpAt, `training make-up ${month.toISODate()}`, async () => {
        const results = owed.map((person) =>
          random.chance(0.85) ? { person, attended: true, score: Math.round(random.between(62, 95)) } : { person, attended: false, note: random.pick(['病假', '外出进修', '夜班调休']) },
        );
        await duban.engine.send(id, { type: 'SUBMIT', data: { results } }, officer);
      });
    });
  }
}
