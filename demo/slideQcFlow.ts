import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DateTime } from 'luxon';
import { DAY } from './demoCalendar.js';
import { DEMO_COUNTY_LABS } from './demoOrg.js';
import type { DemoRandom } from './demoRandom.js';
import type { DemoWorld } from './DemoWorld.js';
import { labVolume, quarterRegister, registerCsv, type Grade, type RegisterLine } from './labRegister.js';
import { runPluginCommand } from './runPluginCommand.js';

/**
 * How a laboratory comes out of a round: it passes (perhaps after a controller's slip the
 * umpire corrects), or it fails on a high false negative (a missed positive, HFN) or on a
 * low one (a missed scanty positive, LFN). Decided per round, not per slide: the sample is
 * drawn by the plugin from its own seed, so the error falls on the first negative drawn.
 */
type LabOutcome = 'pass' | 'hfn' | 'lfn';

/** The institute's own laboratory does the rechecking: its staff read, its head umpires. */
const CONTROLLER_DEPARTMENT = 'TBL';

/**
 * Plans the quarterly sputum slide QC (痰片质控) of the six county laboratories: early in
 * each quarter the office imports every laboratory's register of the quarter before
 * (`duban tb import`) and starts the `sputum-slide-qc` round; the plugin draws the LQAS
 * sample; a controller of the institute's laboratory reads the slides blind; the head of
 * the laboratory umpires the discordant ones; a failed laboratory gets a finding and a
 * training or on-site visit, and the office starts a corrective meeting for a major error.
 * Each quarter one laboratory fails, sometimes another; now and then the rechecking runs
 * past its 30 days.
 */
export function planSlideQcRounds(world: DemoWorld, workDir: string): void {
  const { calendar } = world;
  const first = calendar.local(world.start).startOf('quarter').minus({ months: 3 });
  for (let quarter = first; quarter.toMillis() < world.end.getTime(); quarter = quarter.plus({ months: 3 })) {
    const roundStart = quarter.plus({ months: 3 });
    if (roundStart.toMillis() < world.start.getTime()) continue;
    const random = world.random('slide qc', calendar.quarter(quarter));
    const failing = random.pick(DEMO_COUNTY_LABS.map((l) => l.id));
    for (const lab of DEMO_COUNTY_LABS) {
      const labRandom = world.random('slide qc', lab.id, calendar.quarter(quarter));
      const outcome: LabOutcome =
        lab.id === failing ? labRandom.pick(['hfn', 'lfn'] as const) : labRandom.chance(0.12) ? labRandom.pick(['hfn', 'lfn'] as const) : 'pass';
      planRound(world, workDir, lab.id, quarter, roundStart, outcome, labRandom);
    }
  }
}

function planRound(world: DemoWorld, workDir: string, lab: string, quarter: DateTime, roundStart: DateTime, outcome: LabOutcome, random: DemoRandom): void {
  const { calendar, timeline, duban } = world;
  const code = lab.replace(/^LAB-/, '');
  const quarterName = calendar.quarter(quarter);
  const volume = labVolume(world.random('lab volume', lab));
  const register = quarterRegister(random, code, quarter, volume);
  const officer = random.pick(world.office);
  const controller = random.pick(world.staff(CONTROLLER_DEPARTMENT)).id;
  const umpire = world.head(CONTROLLER_DEPARTMENT)!;
  const importAt = calendar.officeHours(calendar.at(roundStart.plus({ days: random.int(2, 12) }), random.between(8.5, 16)), 1);
  const readAt = calendar.officeHours(new Date(importAt.getTime() + (random.chance(0.1) ? random.between(31, 36) : random.between(6, 22)) * DAY), 1);
  const umpireAt = calendar.officeHours(new Date(readAt.getTime() + random.between(2, 9) * DAY), 1);
  const followUpAt = calendar.officeHours(new Date(umpireAt.getTime() + random.between(7, 25) * DAY), 2);
  const poorSmears = random.chance(0.3);
  const umpireGrades = new Map<string, Grade>();
  let round = '';

  // A failed laboratory: training or an on-site visit, and for a major error a corrective meeting.
  const planFollowUp = (after: Date) => {
    const at = new Date(Math.max(followUpAt.getTime(), after.getTime() + DAY));
    timeline.at(at, `slide QC follow-up ${lab} ${quarterName}`, async () => {
      const action = outcome === 'hfn' ? 'onsite-visit' : 'training';
      const note = action === 'onsite-visit' ? '结防所专家赴实验室现场督导，复核阳性片并指导涂片染色' : '县级镜检人员来所参加痰涂片镜检复训（低浓度阳性片判读）';
      await duban.engine.send(round, { type: 'SUBMIT', data: { action, date: world.calendar.date(at), note } }, officer);
      if (outcome === 'hfn') {
        const reason = `${quarterName} 痰片盲法复检发现高假阴性（HFN），实验室未通过`;
        await duban.engine.start('corrective-meeting', { department: lab, subject: lab, reason }, officer);
      }
    }, { watched: true });
  };

  // Discordant slides go to the umpire, blind to both readings.
  const planUmpire = () =>
    timeline.at(umpireAt, `slide QC umpire ${lab} ${quarterName}`, async () => {
      const discordant = (await duban.engine.get(round)).context.data.discordant as string[];
      const results = new Map(register.map((l) => [l.slide, l.result]));
      const readings = discordant.map((slide) => ({ slide, grade: umpireGrades.get(slide) ?? results.get(slide)! }));
      const sent = await duban.engine.send(round, { type: 'SUBMIT', data: { readings } }, umpire);
      if (sent.instance.state === 'followUp') planFollowUp(umpireAt);
    }, { watched: true });

  timeline.at(importAt, `slide QC import ${lab} ${quarterName}`, async () => {
    round = (await duban.engine.start('sputum-slide-qc', { department: lab, quarter: quarterName }, officer)).id;
    const file = join(workDir, `${lab}-${quarterName}-register.csv`);
    await writeFile(file, registerCsv(register));
    const imported = (await runPluginCommand(world, 'tb import', { department: lab, quarter: quarterName, input: file }, officer)) as { register: string };
    const positivity = register.filter((l) => l.result !== 'NEG').length / register.length;
    const data = { register: imported.register, annualNegatives: volume.annualNegatives, positivity: Math.round(positivity * 1000) / 1000 };
    await duban.engine.send(round, { type: 'SUBMIT', data }, officer);
  });

  timeline.at(readAt, `slide QC reading ${lab} ${quarterName}`, async () => {
    const view = (await runPluginCommand(world, 'tb slides', { round }, controller)) as { slides: { slide: string; position: number }[] };
    const results = new Map(register.map((l) => [l.slide, l.result]));
    const slides = [...view.slides].sort((a, b) => a.position - b.position).map((s) => ({ slide: s.slide, lab: results.get(s.slide)! }));
    const readings = controllerReadings(random, slides, outcome, poorSmears, umpireGrades);
    const sent = await duban.engine.send(round, { type: 'SUBMIT', data: { readings } }, controller);
    if (sent.instance.state === 'umpiring') planUmpire();
    else if (sent.instance.state === 'followUp') planFollowUp(readAt);
  }, { watched: true });
}

// The controller's reading of each drawn slide, in the order drawn. Positives are read
// within a grade of the lab (agreement); the planned error falls on the first negative.
function controllerReadings(
  random: DemoRandom,
  slides: readonly { slide: string; lab: RegisterLine['result'] }[],
  outcome: LabOutcome,
  poorSmears: boolean,
  umpireGrades: Map<string, Grade>,
): Record<string, string>[] {
  const slip = outcome === 'pass' && random.chance(0.35);
  const target = slides.find((s) => s.lab === 'NEG')?.slide;
  const mark = (poor: number) => (random.chance(poor) ? 'poor' : 'good');
  return slides.map(({ slide, lab }) => {
    let grade: Grade = lab;
    if (slide === target && outcome === 'hfn') grade = confirmed(umpireGrades, slide, '1+');
    else if (slide === target && outcome === 'lfn') grade = confirmed(umpireGrades, slide, 'SCANTY');
    else if (slide === target && slip) {
      grade = 'SCANTY';
      umpireGrades.set(slide, 'NEG');
    } else if (lab === '3+' && random.chance(0.2)) grade = '2+';
    else if (lab === '2+' && random.chance(0.2)) grade = random.pick(['1+', '3+'] as const);
    const poor = poorSmears ? 0.25 : 0.04;
    return { slide, grade, specimen: mark(poor), staining: mark(poor), thickness: mark(poor), size: mark(poor / 2), evenness: mark(poor), cleanliness: mark(poor / 2) };
  });
}

// The umpire confirms the controller's reading of the planned error.
function confirmed(umpireGrades: Map<string, Grade>, slide: string, grade: Grade): Grade {
  umpireGrades.set(slide, grade);
  return grade;
}
