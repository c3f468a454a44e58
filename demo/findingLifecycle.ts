import { DAY } from './demoCalendar.js';
import { actionsFor, AFTER_REJECT_ACTION, CLOSING_NOTES, HAND_ESCALATION_REASONS, HAND_REOPEN_REASONS, PLANNING_NOTES, REJECT_TEXTS } from './demoTexts.js';
import type { DemoWorld } from './DemoWorld.js';
import { drawFindingFate } from './findingFate.js';

/** A finding as the story meets it: when it was opened (or reopened) and with what due date. */
export interface FindingRound {
  readonly id: string;
  readonly department: string;
  readonly category: string;
  readonly subject: string;
  readonly level: number;
  readonly dueAt: string;
  /** When this round began: opened, or reopened. */
  readonly at: string;
  readonly reopenCount: number;
}

/** Findings opened this many days before the end make the office's backlog: some are left unanswered. */
export const BACKLOG_DAYS = 45;

/** Levels of the demo's escalation chain (head, office, vice-president). */
const TOP_LEVEL = 3;

/**
 * Plans what the department and the office do with one round of a finding, on the
 * timeline, through FindingService: acknowledge, note, plan actions, mark them done,
 * report; the office rejects, escalates, closes or reopens. The department works within
 * the due window its fate says; a fate that starts late lets the SLA timers escalate
 * the finding first, and one that starts after the flag leaves it flagged and overdue
 * until then. Steps after the end do not happen: they leave the finding where it is.
 */
export function planFindingRound(world: DemoWorld, round: FindingRound, backlogSlot?: number): void {
  const random = world.random('finding', round.category, round.subject, round.at, round.reopenCount);
  const start = Date.parse(round.at);
  const period = Math.max(Date.parse(round.dueAt) - start, 3_600_000);
  const windows = Math.max(1, TOP_LEVEL - round.level + 1);
  const fate = drawFindingFate(random, { windows, reopened: round.reopenCount > 0, ...(backlogSlot === undefined ? {} : { backlogSlot }) });
  if (fate.stopAfter === 'nothing') return;

  const head = world.head(round.department) ?? world.office[0]!;
  const officer = random.pick(world.office);
  const findings = world.duban.findings;
  const { calendar, timeline } = world;
  const label = (what: string) => `${what} ${round.category} ${round.subject}`;

  let begin: number;
  let deadline: number;
  if (fate.window === 'flagged') {
    begin = start + windows * period + fate.rescueDays * DAY;
    deadline = Infinity;
  } else if (fate.escalateByHand) {
    const escalateAt = start + random.between(0.04, 0.1) * period;
    timeline.at(new Date(escalateAt), label('escalate'), async () => {
      await findings.escalate(round.id, officer, random.pick(HAND_ESCALATION_REASONS));
    });
    begin = escalateAt + random.between(0.05, 0.2) * period;
    deadline = escalateAt + period;
  } else {
    begin = start + fate.window * period + random.between(0.03, 0.25) * period;
    deadline = start + (fate.window + 1) * period;
  }
  // Office hours when they still leave the rest of the work before the deadline.
  const work = (at: number, rest: number) => {
    const moved = calendar.officeHours(new Date(at), random.between(0, 2)).getTime();
    return moved + rest * period < deadline ? moved : at;
  };

  const ackAt = work(begin, 0.6);
  timeline.at(new Date(ackAt), label('ack'), async () => {
    // A corrective meeting held first may have handed its agreed actions over already: the
    // finding is then planned, and there is nothing left to acknowledge.
    if ((await world.duban.engine.get(round.id)).state === 'open') await findings.ack(round.id, head);
    if (fate.note) await findings.note(round.id, head, random.pick(PLANNING_NOTES));
  });
  if (fate.stopAfter === 'ack') return;

  const planAt = work(ackAt + random.between(0.05, 0.12) * period, 0.45);
  const texts = actionsFor(round.category).slice(0, random.int(1, 2));
  const doneAt = texts.map(() => work(planAt + random.between(0.15, 0.4) * period, 0.05)).sort((a, b) => a - b);
  timeline.at(new Date(planAt), label('plan'), async () => {
    for (const [i, text] of texts.entries()) {
      await findings.plan(round.id, head, { text, owner: head, due: calendar.date(new Date(doneAt[i]! + 2 * DAY)) });
    }
  });
  if (fate.stopAfter === 'plan') return;

  for (const at of doneAt) {
    timeline.at(new Date(at), label('action done'), async () => {
      await findings.actionDone(round.id, head, await firstOpenAction(world, round.id), '已落实，见科室记录');
    });
  }
  let reportAt = doneAt[doneAt.length - 1]! + 10 * 60_000;
  timeline.at(new Date(reportAt), label('submit'), async () => {
    // The actions a corrective meeting added are done by now too.
    for (let open = await openActionOf(world, round.id); open; open = await openActionOf(world, round.id)) {
      await findings.actionDone(round.id, head, open, '会议议定措施已落实');
    }
    await findings.submit(round.id, head);
  });
  if (fate.stopAfter === 'submit') return;

  if (fate.rejectOnce) {
    const rejectAt = calendar.officeHours(new Date(reportAt + random.between(0.3, 2) * DAY), random.between(0, 3)).getTime();
    const replanAt = calendar.officeHours(new Date(rejectAt + random.between(0.3, 1.5) * DAY), random.between(0, 2)).getTime();
    timeline.at(new Date(rejectAt), label('reject'), async () => {
      await findings.reject(round.id, officer, random.pick(REJECT_TEXTS));
    });
    timeline.at(new Date(replanAt), label('replan'), async () => {
      await findings.plan(round.id, head, { text: AFTER_REJECT_ACTION, owner: head, due: calendar.date(new Date(replanAt + 3 * DAY)) });
      await findings.actionDone(round.id, head, await firstOpenAction(world, round.id), '已补充');
      await findings.submit(round.id, head);
    });
    reportAt = replanAt;
  }

  const closeAt = calendar.officeHours(new Date(reportAt + random.between(0.3, 3) * DAY), random.between(0, 4)).getTime();
  timeline.at(new Date(closeAt), label('close'), async () => {
    await findings.close(round.id, officer, random.pick(CLOSING_NOTES));
  });
  if (fate.reopenByHand) {
    const reopenAt = calendar.officeHours(new Date(closeAt + random.between(3, 12) * DAY), random.between(0, 3));
    timeline.at(reopenAt, label('reopen'), async () => {
      await findings.reopen(round.id, officer, random.pick(HAND_REOPEN_REASONS));
    }, { watched: true });
  }
}

// A reopened finding keeps the actions of its earlier rounds, so the open ones are looked up.
async function firstOpenAction(world: DemoWorld, id: string): Promise<string> {
  return (await openActionOf(world, id))!;
}

async function openActionOf(world: DemoWorld, id: string): Promise<string | undefined> {
  const actions = (await world.duban.engine.get(id)).context.data.actions as { id: string; status: string }[];
  return actions.find((a) => a.status === 'open')?.id;
}
