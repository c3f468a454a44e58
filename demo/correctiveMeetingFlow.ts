import { DAY, HOUR } from './demoCalendar.js';
import type { DemoRandom } from './demoRandom.js';
import type { DemoWorld } from './DemoWorld.js';

/** The effectiveness check's default delay (the chain's `checkAfter`). */
const CHECK_AFTER_DAYS = 30;

/**
 * Follows every corrective meeting (整改专题会议) the engine starts (for a critical finding)
 * or the office starts (after a failed slide QC) and plans it: the head holds the meeting
 * within the 3 days (now and then late), records the minutes with the self-criticism
 * (检讨) of the person concerned, agrees two or three actions, marks them done with
 * evidence over the next weeks; the office verifies (once rejecting an action first),
 * and checks effectiveness when the engine's 30-day timer says so: effective closes it,
 * not effective reopens tracking with a further action.
 */
export function watchCorrectiveMeetings(world: DemoWorld): void {
  const known = new Set<string>();
  world.timeline.onStep(async () => {
    // A new meeting is active; the active ones are few, and found by an index.
    const rows = await world.duban.instances.active('corrective-meeting');
    for (const row of rows) {
      if (known.has(row.id)) continue;
      known.add(row.id);
      const instance = await world.duban.engine.get(row.id);
      const input = instance.context.input as { department: string; subject: string; findingId?: string };
      planMeeting(world, row.id, input, personConcerned(world, input.subject));
    }
  }, { afterTimers: false });
}

// Who speaks for the finding: the person found absent from the post, a person the
// finding is about, else nobody but the head.
function personConcerned(world: DemoWorld, subject: string): string | undefined {
  return world.absentees.get(subject) ?? (world.org.people.some((p) => p.id === subject) ? subject : undefined);
}

function planMeeting(world: DemoWorld, id: string, input: { department: string; subject: string; findingId?: string }, concerned: string | undefined): void {
  const { calendar, timeline, duban } = world;
  const random = world.random('meeting', input.department, input.subject, timeline.now().toISOString());
  const head = world.head(input.department)!;
  const officer = random.pick(world.office);
  const late = random.chance(0.12);
  const heldAt = calendar.officeHours(new Date(timeline.now().getTime() + (late ? random.between(3.3, 6) : random.between(0.5, 2.5)) * DAY), random.between(0, 6));
  const planAt = new Date(heldAt.getTime() + random.between(1, 5) * HOUR);
  const theme = themeOf(input.department);
  const actions = meetingActions(world, random, theme, head, concerned, planAt);
  const slow = random.chance(0.1);
  const doneAt = actions.map(() => calendar.officeHours(new Date(planAt.getTime() + (slow ? random.between(31, 40) : random.between(3, 18)) * DAY), random.between(0, 8)));
  const lastDone = Math.max(...doneAt.map((d) => d.getTime()));
  const rejectFirst = random.chance(0.15);
  const notEffective = random.chance(0.15);
  // A meeting about a finding hands its actions over and is done; the finding's story
  // tracks them. Only when the finding was settled first does the meeting track them itself.
  const send = async (type: string, data: Record<string, unknown>, actor: string) => {
    if ((await duban.engine.get(id)).state === 'handed-over') return;
    await duban.engine.send(id, { type, data }, actor);
  };
  const label = (what: string) => `meeting ${what} ${input.department} ${input.subject}`;

  timeline.at(heldAt, label('minutes'), async () => {
    await send('SUBMIT', minutes(world, random, theme, input.department, head, concerned, heldAt), head);
  });
  timeline.at(planAt, label('actions'), async () => {
    await send('SUBMIT', { actions }, head);
  });
  actions.forEach((action, i) => {
    timeline.at(doneAt[i]!, label('action done'), async () => {
      await send('ACTION_DONE', { actionId: action.id, evidence: `${action.action}：已完成，记录存科室` }, head);
    });
  });
  let reportAt = lastDone + random.between(1, 4) * HOUR;
  timeline.at(new Date(reportAt), label('report'), async () => {
    await send('REPORT', {}, head);
  });
  if (rejectFirst) {
    const rejectAt = calendar.officeHours(new Date(reportAt + random.between(1, 3) * DAY), random.between(0, 6)).getTime();
    timeline.at(new Date(rejectAt), label('reject action'), async () => {
      await send('REOPEN_ACTION', { actionId: 'A1', note: '缺少签到表与学习记录，请补充后再报' }, officer);
    });
    const redoneAt = calendar.officeHours(new Date(rejectAt + random.between(1, 3) * DAY), random.between(0, 6)).getTime();
    timeline.at(new Date(redoneAt), label('redo action'), async () => {
      await send('ACTION_DONE', { actionId: 'A1', evidence: '已补充签到表与学习记录' }, head);
      await send('REPORT', {}, head);
    });
    reportAt = redoneAt;
  }
  const verifyAt = calendar.officeHours(new Date(reportAt + random.between(1, 4) * DAY), random.between(0, 6));
  timeline.at(verifyAt, label('verify'), async () => {
    await send('SUBMIT', { note: '现场核实，整改措施已落实', checkAfter: `P${CHECK_AFTER_DAYS}D` }, officer);
  });
  const checkAt = calendar.officeHours(new Date(verifyAt.getTime() + (CHECK_AFTER_DAYS + random.between(0.5, 3)) * DAY), random.between(0, 6));
  timeline.at(checkAt, label('effectiveness'), async () => {
    if (!notEffective) {
      await send('SUBMIT', { effective: true, note: '复查期间未再发生同类问题，整改有效' }, officer);
      return;
    }
    const due = calendar.date(new Date(checkAt.getTime() + 14 * DAY));
    const further = theme === 'lab' ? '镜检人员到结防所跟班学习两周' : '夜班实行双人值守，科主任每周夜查一次';
    const note = theme === 'lab' ? '复查室内质控记录，阴性片复核仍有遗漏，追加措施' : '复查中发现交接班仍不规范，追加措施';
    await send('SUBMIT', { effective: false, note, furtherActions: [{ id: 'B1', action: further, owner: head, due }] }, officer);
    const againAt = calendar.officeHours(new Date(checkAt.getTime() + random.between(5, 12) * DAY), random.between(0, 6));
    timeline.at(againAt, label('further action'), async () => {
      await send('ACTION_DONE', { actionId: 'B1', evidence: theme === 'lab' ? '跟班学习记录与考核表' : '双人值守排班表已执行两周' }, head);
      await send('REPORT', {}, head);
    });
    const verifiedAgainAt = calendar.officeHours(new Date(againAt.getTime() + random.between(1, 3) * DAY), random.between(0, 6));
    timeline.at(verifiedAgainAt, label('verify again'), async () => {
      await send('SUBMIT', { note: '追加措施已落实' }, officer);
    });
    const checkedAgainAt = calendar.officeHours(new Date(verifiedAgainAt.getTime() + (CHECK_AFTER_DAYS + random.between(0.5, 3)) * DAY), random.between(0, 6));
    timeline.at(checkedAgainAt, label('effectiveness again'), async () => {
      await send('SUBMIT', { effective: true, note: '追加措施后复查，未再发生' }, officer);
    });
  });
}

/** What a meeting is about: an absence from a duty post, or a county laboratory's failed slide QC. */
type Theme = 'duty' | 'lab';

function themeOf(department: string): Theme {
  return department.startsWith('LAB-') ? 'lab' : 'duty';
}

function meetingActions(world: DemoWorld, random: DemoRandom, theme: Theme, head: string, concerned: string | undefined, from: Date) {
  const due = (days: number) => world.calendar.date(new Date(from.getTime() + days * DAY));
  if (theme === 'lab') {
    return [
      { id: 'A1', action: '镜检人员参加结防所痰涂片镜检复训', owner: head, due: due(random.int(10, 20)) },
      { id: 'A2', action: '建立每周室内质控盲读制度，复核近一月阴性片', owner: head, due: due(random.int(14, 25)) },
    ];
  }
  const actions = [
    { id: 'A1', action: '全科警示教育，学习值班与交接班制度', owner: head, due: due(random.int(7, 12)) },
    { id: 'A2', action: '修订科室值班与交接班制度，夜班增设二线值守', owner: head, due: due(random.int(12, 20)) },
  ];
  if (concerned && concerned !== head) actions.push({ id: 'A3', action: '当事人书面检讨，在科室会上作检查', owner: concerned, due: due(random.int(3, 7)) });
  return actions;
}

function minutes(world: DemoWorld, random: DemoRandom, theme: Theme, department: string, head: string, concerned: string | undefined, heldAt: Date) {
  const supervisor = theme === 'lab' ? world.head('TBL') : undefined;
  const attendees = [...new Set([head, ...world.members(department).map((p) => p.id), ...(concerned ? [concerned] : []), ...(supervisor ? [supervisor] : [])])];
  const statements =
    theme === 'lab'
      ? [
          { person: head, kind: 'statement', text: '本实验室对本季度复检发现的差错负责，将组织全员复训并加强室内质控。' },
          ...(supervisor ? [{ person: supervisor, kind: 'statement', text: '结防所将安排现场督导，下季度重点复核该实验室阴性片。' }] : []),
        ]
      : [
          ...(concerned && concerned !== head ? [{ person: concerned, kind: 'self-criticism', text: `本人${world.nameOf(concerned)}值班期间擅自离岗，违反值班制度，深刻检讨，保证今后严格遵守。` }] : []),
          { person: head, kind: 'statement', text: '科室对此负有管理责任，将加强值班督查，今后半年每月自查。' },
        ];
  const rootCauses =
    theme === 'lab'
      ? ['镜检人员对低浓度阳性片判读经验不足', '涂片染色质量不稳定，脱色不充分', '镜检视野数不足，阅片时间过短']
      : ['值班制度执行不严，夜班缺少二线督查', '交接班流程不规范，离岗无登记', '科室对劳动纪律重视不够，缺少日常检查'];
  const decisions =
    theme === 'lab' ? ['全体镜检人员参加复训', '每周室内质控盲读', '下季度复检结果纳入实验室考核'] : ['全科人员警示教育', '今后半年加强夜间查岗，每月通报', '当事人本月绩效考核扣分'];
  return {
    heldAt: world.calendar.localIso(heldAt),
    place: theme === 'lab' ? '县结核病实验室' : '科室示教室',
    chair: head,
    attendees,
    statements,
    rootCause: random.pick(rootCauses),
    decisions,
  };
}
