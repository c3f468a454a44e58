import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError } from '../../../core/index.js';
import { DIALECTS } from '../../support/dialects.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { registerCsv, runCommand, testRegister, writeCsv } from './tbLabHarness.js';

const LAB = 'CL-01';
const QUARTER = '2026-Q1';

describe.each(DIALECTS)('sputum-slide-qc chain on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  async function startRound() {
    const register = testRegister();
    const imported = await runCommand(duban, 'tb import', { department: LAB, quarter: QUARTER, input: writeCsv('register.csv', registerCsv(register)) });
    expect(imported).toMatchObject({ register: `${LAB}/${QUARTER}/1`, slides: 40, positives: 8, negatives: 32 });
    const started = await duban.engine.start('sputum-slide-qc', { department: LAB, quarter: QUARTER }, 'office1');
    expect(started.state).toBe('importing');
    // 200 negatives a year at 10% positivity: p = 1/36, D = 6, a yearly sample of n, a quarter's ⌈n/4⌉.
    await duban.engine.send(started.id, { type: 'SUBMIT', data: { register: imported.register, annualNegatives: 200, positivity: 0.1 } }, 'office1');
    const lab = new Map(register.map((s) => [s.slide, s.result]));
    return { id: started.id, lab };
  }

  async function engineState(id: string): Promise<string> {
    const audit = await duban.store.db.selectFrom('audit_log').select(['data']).where('instance_id', '=', id).execute();
    const outbox = await duban.store.db.selectFrom('outbox').select(['payload']).where('instance_id', '=', id).execute();
    const instance = await duban.store.db.selectFrom('instances').select(['snapshot']).where('id', '=', id).execute();
    return JSON.stringify([audit, outbox, instance]);
  }

  it('runs start → import → sample → blinded reading → umpire → evaluation → finding → follow-up', async () => {
    duban = await startTestDuban(dialect);
    const { id, lab } = await startRound();

    const sampled = await duban.engine.get(id);
    expect(sampled.state).toBe('rechecking');
    expect(sampled.context.data).toMatchObject({ annualNegatives: 200, positivity: 0.1, acceptance: 0, recheckDue: '2026-04-01T01:00:00.000Z' });
    const yearly = sampled.context.data.annualSampleSize as number;
    expect(sampled.context.data.sampleSize).toBe(Math.ceil(yearly / 4));
    expect(typeof sampled.context.data.seed).toBe('number');
    expect((await duban.timers.pendingFor(id)).map((t) => [t.key, t.dueAt])).toEqual([['rechecking.sla', '2026-04-01T01:00:00.000Z']]);

    // Blinded: the controller sees slide ids, no laboratory result.
    const blind = await runCommand(duban, 'tb slides', { round: id }, 'ctrl1');
    expect(blind.slides).toHaveLength(sampled.context.data.sampleSize as number);
    expect(blind.slides.every((s: any) => s.lab === null && s.labBlinded && s.firstClass === null)).toBe(true);

    // The controller reads 2+ where the lab said 3+ (correct), NEG where it said NEG, but
    // 2+ on the first negative (the umpire will confirm: HFN) and 1+ on the second (the
    // umpire will side with the lab: correct, the controller's error).
    const selected: string[] = blind.slides.map((s: any) => s.slide);
    const negatives = selected.filter((s) => lab.get(s) === 'NEG');
    const [hfn, controllerSlip] = negatives;
    const controllerGrade = (slide: string) => (slide === hfn ? '2+' : slide === controllerSlip ? '1+' : lab.get(slide) === '3+' ? '2+' : 'NEG');
    const half = Math.floor(selected.length / 2);
    for (const slide of selected.slice(0, half)) {
      await runCommand(duban, 'tb read', { round: id, slide, grade: controllerGrade(slide), specimen: 'good', staining: 'good' }, 'ctrl1');
    }

    // Submitting with slides unread sends the round back to rechecking, naming them.
    await duban.engine.send(id, { type: 'SUBMIT', data: {} }, 'ctrl1');
    const back = await duban.engine.get(id);
    expect(back.state).toBe('rechecking');
    expect(back.context.data.missing).toEqual(selected.slice(half));
    expect((back.context.data.problem as { en: string }).en).toMatch(/have no controller reading/);
    // The SLA deadline is kept, not restarted.
    expect((await duban.timers.pendingFor(id)).map((t) => t.dueAt)).toEqual(['2026-04-01T01:00:00.000Z']);

    const rest = selected.slice(half).map((slide) => ({ slide, grade: controllerGrade(slide), specimen: 'good', thickness: 'poor' }));
    await duban.engine.send(id, { type: 'SUBMIT', data: { readings: rest } }, 'ctrl1');
    const umpiring = await duban.engine.get(id);
    expect(umpiring.state).toBe('umpiring');
    expect(umpiring.context.data.discordant).toEqual([hfn, controllerSlip].sort());
    expect(umpiring.context.data.readings).toBeNull();

    // The umpire's list holds the discordant slides and no reading at all.
    const forUmpire = await runCommand(duban, 'tb slides', { round: id, forUmpire: true }, 'ump1');
    expect(forUmpire.slides.map((s: any) => [s.slide, s.lab, s.controller])).toEqual([hfn, controllerSlip].sort().map((s) => [s, null, null]));

    await duban.engine.send(id, { type: 'SUBMIT', data: { readings: [{ slide: hfn, grade: '2+' }, { slide: controllerSlip, grade: 'NEG' }] } }, 'ump1');
    const evaluated = await duban.engine.get(id);
    expect(evaluated.state).toBe('followUp');
    expect(evaluated.context.data.result).toMatchObject({
      passed: false,
      reasons: ['false-negatives'],
      counts: { correct: selected.length - 1, HFN: 1, HFP: 0, LFN: 0, LFP: 0, QE: 0 },
      majorErrors: 1,
      slidesRead: selected.length,
      controllerErrors: 1,
    });

    const outbox = await duban.store.db.selectFrom('outbox').select(['kind', 'payload']).where('instance_id', '=', id).execute();
    const findings = outbox.filter((o) => o.kind === 'openFinding').map((o) => JSON.parse(o.payload));
    expect(findings).toEqual([
      expect.objectContaining({
        department: LAB,
        subject: LAB,
        subjectKind: 'lab',
        category: 'slide-qc.major-errors',
        severity: 'major',
        data: expect.objectContaining({ quarter: QUARTER, register: `${LAB}/${QUARTER}/1`, reasons: ['false-negatives'] }),
      }),
    ]);
    const notices = outbox.filter((o) => o.kind === 'notify').map((o) => JSON.parse(o.payload));
    expect(notices).toEqual([expect.objectContaining({ to: { role: 'head', department: LAB } })]);

    await duban.engine.send(id, { type: 'SUBMIT', data: { action: 'training', date: '2026-03-20', note: 'ZN staining and reading of scanty smears' } }, 'office1');
    const closed = await duban.engine.get(id);
    expect([closed.state, closed.status]).toEqual(['closed', 'done']);

    // The laboratory's results never entered the engine: no 3+ in the audit, outbox or snapshot.
    expect(await engineState(id)).not.toContain('3+');
  });

  it('passes a laboratory whose every slide agrees, with no finding', async () => {
    duban = await startTestDuban(dialect);
    const { id, lab } = await startRound();
    const view = await runCommand(duban, 'tb slides', { round: id }, 'ctrl1');
    const readings = view.slides.map((s: any) => ({ slide: s.slide, grade: lab.get(s.slide) === '3+' ? '2+' : 'NEG' }));
    await duban.engine.send(id, { type: 'SUBMIT', data: { readings } }, 'ctrl1');
    const done = await duban.engine.get(id);
    expect([done.state, done.status]).toEqual(['passed', 'done']);
    expect(done.context.data.result).toMatchObject({ passed: true, majorErrors: 0, falseNegatives: 0 });
    const kinds = (await duban.store.db.selectFrom('outbox').select('kind').where('instance_id', '=', id).execute()).map((o) => o.kind);
    expect(kinds).not.toContain('openFinding');
    expect(await engineState(id)).not.toContain('3+');
  });

  it('sends a wrong register back to the import step, and keeps one round per register', async () => {
    duban = await startTestDuban(dialect);
    const started = await duban.engine.start('sputum-slide-qc', { department: LAB, quarter: QUARTER }, 'office1');
    await duban.engine.send(started.id, { type: 'SUBMIT', data: { register: 'CL-01/2026-Q1/9' } }, 'office1');
    const back = await duban.engine.get(started.id);
    expect(back.state).toBe('importing');
    expect(back.context.data.problem).toEqual({ 'zh-CN': expect.stringContaining('CL-01/2026-Q1/9'), en: 'no register "CL-01/2026-Q1/9"; import one with duban tb import' });

    const { id } = await startRound();
    expect((await duban.engine.get(id)).state).toBe('rechecking');
    const other = await duban.engine.start('sputum-slide-qc', { department: LAB, quarter: QUARTER }, 'office1');
    await duban.engine.send(other.id, { type: 'SUBMIT', data: { register: `${LAB}/${QUARTER}/1` } }, 'office1');
    expect((await duban.engine.get(other.id)).context.data.problem).toMatchObject({ en: `register ${LAB}/${QUARTER}/1 was already sampled by round ${id}` });
  });

  it('keeps readings final and the lab result hidden until the controller’s reading is recorded', async () => {
    duban = await startTestDuban(dialect);
    const { id, lab } = await startRound();
    const [first, second] = (await runCommand(duban, 'tb slides', { round: id })).slides.map((s: any) => s.slide);
    const read = await runCommand(duban, 'tb read', { round: id, slide: first, grade: 'NEG' }, 'ctrl1');
    expect(read).toMatchObject({ recorded: 1, unchanged: 0, slides: [{ slide: first, lab: lab.get(first), labBlinded: false }] });
    const view = await runCommand(duban, 'tb slides', { round: id });
    expect(view.slides.find((s: any) => s.slide === first)).toMatchObject({ lab: lab.get(first), controller: { grade: 'NEG', readBy: 'ctrl1' } });
    expect(view.slides.find((s: any) => s.slide === second)).toMatchObject({ lab: null, labBlinded: true });

    // The same reading again changes nothing; another one is refused, as is a slide outside the sample.
    expect(await runCommand(duban, 'tb read', { round: id, slide: first, grade: 'NEG' }, 'ctrl1')).toMatchObject({ recorded: 0, unchanged: 1 });
    await expect(runCommand(duban, 'tb read', { round: id, slide: first, grade: '2+' }, 'ctrl1')).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringMatching(/cannot be changed/) });
    const outside = testRegister().find((s) => !view.slides.some((v: any) => v.slide === s.slide))!.slide;
    await expect(runCommand(duban, 'tb read', { round: id, slide: outside, grade: 'NEG' }, 'ctrl1')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    // The umpire reads only at the umpire's step, after the controller: the round's rule refuses him while rechecking.
    await expect(runCommand(duban, 'tb read', { round: id, slide: second, grade: 'NEG', umpire: true }, 'ump1')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('lets only the controller record readings while rechecking, as the round’s rule says', async () => {
    duban = await startTestDuban(dialect);
    const { id } = await startRound();
    const [first] = (await runCommand(duban, 'tb slides', { round: id }, 'ctrl1')).slides.map((s: any) => s.slide);
    for (const [actor, options, code] of [
      ['office1', {}, 'NOT_ALLOWED'],
      ['ump1', {}, 'NOT_ALLOWED'],
      ['ump1', { umpire: true }, 'NOT_ALLOWED'],
      ['head_cl1', {}, 'NOT_ALLOWED'],
      ['nobody', {}, 'UNKNOWN_PERSON'],
    ] as const) {
      await expect(runCommand(duban, 'tb read', { round: id, slide: first, grade: 'NEG', ...options }, actor)).rejects.toMatchObject({ code, place: { argument: '--as' } });
    }
    await expect(runCommand(duban, 'tb slides', { round: id }, 'tech1')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    // Nothing was recorded by the refused attempts; the controller's reading is.
    expect((await runCommand(duban, 'tb slides', { round: id }, 'office1')).slides.every((s: any) => s.controller === null && s.umpire === null)).toBe(true);
    expect(await runCommand(duban, 'tb read', { round: id, slide: first, grade: 'NEG' }, 'ctrl1')).toMatchObject({ recorded: 1 });
  });

  it('records readings from CSV all or none, with the smear-quality marks', async () => {
    duban = await startTestDuban(dialect);
    const { id } = await startRound();
    const [a, b, c] = (await runCommand(duban, 'tb slides', { round: id })).slides.map((s: any) => s.slide);
    const bad = `slide,grade,specimen,staining\n${a},NEG,good,good\n${b},NEG,good,smudged\n`;
    await expect(runCommand(duban, 'tb read', { round: id, input: writeCsv('readings.csv', bad) }, 'ctrl1')).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      place: { line: 3, path: 'staining' },
    });
    expect((await runCommand(duban, 'tb slides', { round: id })).slides.every((s: any) => s.controller === null)).toBe(true);
    const good = `slide,grade,specimen,staining,thickness,size,evenness,cleanliness\n${a},NEG,good,good,poor,good,good,good\n${b},neg,,,,,,\n${c},Scanty,poor,good,good,good,good,good\n`;
    expect(await runCommand(duban, 'tb read', { round: id, input: writeCsv('readings.csv', good) }, 'ctrl1')).toMatchObject({ recorded: 3, unchanged: 0 });
    const view = (await runCommand(duban, 'tb slides', { round: id })).slides;
    expect(view.find((s: any) => s.slide === a).controller.quality).toEqual({ specimen: 'good', staining: 'good', thickness: 'poor', size: 'good', evenness: 'good', cleanliness: 'good' });
    expect(view.find((s: any) => s.slide === b).controller).toMatchObject({ grade: 'NEG', quality: {} });
    expect(view.find((s: any) => s.slide === c).controller.grade).toBe('SCANTY');
  });

  it('refuses a bad register CSV naming its line, and writes nothing', async () => {
    duban = await startTestDuban(dialect);
    const csv = 'slide,result\nA1,NEG\nA2,1+\nA3,4+\nA4,NEG\n';
    let caught: unknown;
    try {
      await runCommand(duban, 'tb import', { department: LAB, quarter: QUARTER, input: writeCsv('bad.csv', csv) });
    } catch (error) {
      caught = error;
    }
    expect(isDubanError(caught, 'INPUT_INVALID')).toBe(true);
    expect((caught as Error).message).toMatch(/bad\.csv:4: result "4\+" is not one of NEG SCANTY 1\+ 2\+ 3\+/);
    expect((caught as { place: { line: number } }).place.line).toBe(4);
    for (const [input, pattern] of [
      ['slide,result\nA1,NEG\nA1,NEG\n', /:3: slide "A1" is already on line 2/],
      ['slide,grade\nA1,NEG\n', /:1: the header has no "result" column/],
      ['slide,result\nA1,NEG,extra\n', /:2: /],
      ['slide,result\n', /no slides/],
    ] as const) {
      await expect(runCommand(duban, 'tb import', { department: LAB, quarter: QUARTER, input: writeCsv('bad.csv', input) })).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringMatching(pattern) });
    }
    await expect(runCommand(duban, 'tb import', { department: LAB, quarter: '2026Q1', input: writeCsv('ok.csv', 'slide,result\nA,NEG\n') })).rejects.toMatchObject({ code: 'USAGE', place: { argument: '--quarter' } });
    const count = await duban.store.db.selectFrom('tb_lab_register' as any).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
