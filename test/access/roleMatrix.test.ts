import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrg, isDubanError } from '../../core/index.js';
import { CHAINS_ORG } from '../chains/chainCli.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';
import { registerCsv, runCommand, testRegister, writeCsv } from '../plugins/tb-lab/tbLabHarness.js';

// Everyone of the chains org (test/fixtures/org/chains.yaml), a caller naming itself as the
// engine, and a person the org does not know.
const PEOPLE = ['office1', 'head_ct', 'head_us', 'insp1', 'vp1', 'tech1', 'sono1', 'head_cl1', 'ctrl1', 'ump1', 'ctrl2'] as const;
const OUTSIDERS = ['system:anyone', 'system', 'ghost'] as const;
const ACTORS = [...PEOPLE, ...OUTSIDERS];
type Who = (typeof ACTORS)[number];

/** Each finding action, the steps (by the office) that bring a CT finding there, and who the finding chain lets do it. */
const FINDING_ACTIONS: Record<string, { setup: string[]; allowed: readonly Who[] }> = {
  open: { setup: [], allowed: ['office1', 'insp1'] },
  ack: { setup: ['open'], allowed: ['office1', 'head_ct'] },
  plan: { setup: ['open'], allowed: ['office1', 'head_ct'] },
  'action-done': { setup: ['open', 'plan'], allowed: ['office1', 'head_ct'] },
  submit: { setup: ['open', 'plan', 'action-done'], allowed: ['office1', 'head_ct'] },
  note: { setup: ['open'], allowed: ['office1', 'head_ct'] },
  evidence: { setup: ['open'], allowed: ['office1', 'head_ct', 'insp1'] },
  escalate: { setup: ['open'], allowed: ['office1'] },
  assign: { setup: ['open'], allowed: ['office1'] },
  reject: { setup: ['open', 'plan', 'action-done', 'submit'], allowed: ['office1'] },
  close: { setup: ['open', 'plan', 'action-done', 'submit'], allowed: ['office1'] },
  reopen: { setup: ['open', 'plan', 'action-done', 'submit', 'close'], allowed: ['office1'] },
};

const refusalCode = (who: Who) => (who === 'ghost' ? 'UNKNOWN_PERSON' : 'NOT_ALLOWED');

async function auditCount(duban: TestDuban): Promise<number> {
  const row = await duban.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function lastAudit(duban: TestDuban) {
  return duban.store.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
}

/** Tries `attempt`; a refusal must leave exactly one audit row, naming the actor, and nothing else. */
async function expectRefused(duban: TestDuban, who: Who, attempt: () => Promise<unknown>): Promise<void> {
  const before = await auditCount(duban);
  const outcome = await attempt().then(
    () => 'ok',
    (error: unknown) => (isDubanError(error) ? error.code : String(error)),
  );
  expect(outcome).toBe(refusalCode(who));
  expect(await auditCount(duban)).toBe(before + 1);
  const row = await lastAudit(duban);
  expect(row.event.startsWith('denied:')).toBe(true);
  expect(row.actor).toBe(who);
  expect(JSON.parse(row.data)).toMatchObject({ code: refusalCode(who) });
}

describe.each(DIALECTS)('the role matrix on %s', (dialect) => {
  let duban: TestDuban;
  let evidenceFile: string;
  beforeAll(async () => {
    duban = await startTestDuban(dialect);
    await importOrg(duban.store, readFileSync(CHAINS_ORG, 'utf8'), CHAINS_ORG, 'test-setup', duban.clock.now());
    evidenceFile = CHAINS_ORG;
  });
  afterAll(async () => duban?.dispose());

  const act = async (action: string, id: string, who: string): Promise<string> => {
    const f = duban.findings;
    switch (action) {
      case 'open':
        return f.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'minor', title: '迟到' }, who);
      case 'ack':
        return (await f.ack(id, who)).instance.id;
      case 'plan':
        return (await f.plan(id, who, { text: '集中交班', owner: 'head_ct', due: '2026-03-10' })).instance.id;
      case 'action-done':
        return (await f.actionDone(id, who, 'a1', 'done')).instance.id;
      case 'submit':
        return (await f.submit(id, who)).instance.id;
      case 'note':
        return (await f.note(id, who, 'called the department')).instance.id;
      case 'evidence':
        return (await f.evidence(id, who, evidenceFile)).instance.id;
      case 'escalate':
        return (await f.escalate(id, who, 'no answer')).instance.id;
      case 'assign':
        return (await f.assign(id, who, 'tech1')).instance.id;
      case 'reject':
        return (await f.reject(id, who, 'evidence missing')).instance.id;
      case 'close':
        return (await f.close(id, who, 'verified on site')).instance.id;
      case 'reopen':
        return (await f.reopen(id, who, 'happened again')).instance.id;
    }
    throw new Error(action);
  };

  for (const [action, { setup, allowed }] of Object.entries(FINDING_ACTIONS)) {
    it(`finding ${action}: only ${allowed.join(', ')}; every other actor refused, each refusal one audit row`, async () => {
      for (const who of ACTORS) {
        let id = '';
        for (const step of setup) id = await act(step, id, 'office1');
        const before = id ? await duban.engine.get(id) : undefined;
        if (allowed.includes(who)) {
          await expect(act(action, id, who)).resolves.toBeTruthy();
          continue;
        }
        await expectRefused(duban, who, () => act(action, id, who));
        if (before) expect((await duban.engine.get(id)).revision).toBe(before.revision);
      }
    });
  }

  it('slide QC: at each step only the rule’s readers act; nobody of the lab, no outsider, and the controller never umpires his own round', async () => {
    const register = testRegister();
    const lab = new Map(register.map((s) => [s.slide, s.result]));
    const imported = await runCommand(duban, 'tb import', { department: 'CL-01', quarter: '2026-Q1', input: writeCsv('register.csv', registerCsv(register)) });

    // Starting a round: the office only.
    for (const who of ACTORS.filter((w) => w !== 'office1')) {
      await expectRefused(duban, who, () => duban.engine.start('sputum-slide-qc', { department: 'CL-01', quarter: '2026-Q1' }, who));
    }
    const { id } = await duban.engine.start('sputum-slide-qc', { department: 'CL-01', quarter: '2026-Q1' }, 'office1');

    const matrix = async (step: string, allowed: readonly Who[], data: Record<string, unknown>) => {
      expect((await duban.engine.get(id)).state).toBe(step);
      for (const who of ACTORS) {
        if (allowed.includes(who)) {
          expect(await duban.access.can(who, { instanceId: id }, 'SUBMIT')).toEqual({ allowed: true });
          continue;
        }
        expect((await duban.access.can(who, { instanceId: id }, 'SUBMIT')).allowed).toBe(false);
        await expectRefused(duban, who, () => duban.engine.send(id, { type: 'SUBMIT', data }, who));
        expect((await duban.engine.get(id)).state).toBe(step);
      }
    };

    const importData = { register: imported.register, annualNegatives: 200, positivity: 0.1 };
    await matrix('importing', ['office1'], importData);
    await duban.engine.send(id, { type: 'SUBMIT', data: importData }, 'office1');

    // Rechecking: the controllers; the lab's head may not, nor anyone else.
    await matrix('rechecking', ['ctrl1', 'ctrl2'], {});
    const slides = (await runCommand(duban, 'tb slides', { round: id }, 'ctrl2')).slides.map((s: { slide: string }) => s.slide);
    const disputed = slides.find((s: string) => lab.get(s) === 'NEG')!;
    for (const who of ['head_cl1', 'ump1', 'tech1', 'ghost'] as const) {
      await expectRefused(duban, who, () => runCommand(duban, 'tb read', { round: id, slide: slides[0], grade: 'NEG' }, who));
    }
    const readings = slides.map((slide: string) => ({ slide, grade: slide === disputed ? '2+' : lab.get(slide) === '3+' ? '2+' : 'NEG' }));
    await duban.engine.send(id, { type: 'SUBMIT', data: { readings } }, 'ctrl2');

    // Umpiring: a third reader: ctrl2 holds the umpire role but read first.
    await matrix('umpiring', ['ump1'], { readings: [{ slide: disputed, grade: '2+' }] });
    await expectRefused(duban, 'ctrl2', () => runCommand(duban, 'tb read', { round: id, slide: disputed, grade: '2+', umpire: true }, 'ctrl2'));
    await duban.engine.send(id, { type: 'SUBMIT', data: { readings: [{ slide: disputed, grade: '2+' }] } }, 'ump1');

    // The lab failed on a false negative: the office follows up.
    const followUp = { action: 'training', date: '2026-03-20', note: 'ZN staining' };
    await matrix('followUp', ['office1'], followUp);
    await duban.engine.send(id, { type: 'SUBMIT', data: followUp }, 'office1');
    expect((await duban.engine.get(id)).state).toBe('closed');
  });
});
