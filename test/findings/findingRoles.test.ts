import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDubanError } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { importHospital } from '../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

type Actor = 'office1' | 'head_ct' | 'head_us' | 'insp1' | 'it1' | 'viewer1';
const ACTORS: readonly Actor[] = ['office1', 'head_ct', 'head_us', 'insp1', 'it1', 'viewer1'];

/**
 * Each action with the steps (taken by the office) that bring a fresh CT finding to where
 * the action can be taken, and who may take it. head_ct heads the finding's department;
 * head_us heads another one.
 */
const ACTIONS: Record<string, { setup: string[]; allowed: readonly Actor[] }> = {
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

describe.each(DIALECTS)('finding actions by role on %s', (dialect) => {
  let duban: TestDuban;
  let evidenceFile: string;
  beforeAll(async () => {
    duban = await startTestDuban(dialect);
    await importHospital(duban);
    evidenceFile = new URL('../fixtures/org/hospital.yaml', import.meta.url).pathname;
  });
  afterAll(async () => duban?.dispose());

  const act = async (action: string, id: string, actor: string): Promise<string> => {
    const f = duban.findings;
    switch (action) {
      case 'open':
        return f.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'minor', title: '迟到' }, actor);
      case 'ack':
        await f.ack(id, actor);
        return id;
      case 'plan':
        await f.plan(id, actor, { text: '集中交班', owner: 'head_ct', due: '2026-03-10' });
        return id;
      case 'action-done':
        await f.actionDone(id, actor, 'a1', 'done');
        return id;
      case 'submit':
        await f.submit(id, actor);
        return id;
      case 'note':
        await f.note(id, actor, 'called the department');
        return id;
      case 'evidence':
        await f.evidence(id, actor, evidenceFile);
        return id;
      case 'escalate':
        await f.escalate(id, actor, 'no answer');
        return id;
      case 'assign':
        await f.assign(id, actor, 'tech1');
        return id;
      case 'reject':
        await f.reject(id, actor, 'evidence missing');
        return id;
      case 'close':
        await f.close(id, actor, 'verified on site');
        return id;
      case 'reopen':
        await f.reopen(id, actor, 'happened again');
        return id;
    }
    throw new Error(action);
  };

  for (const [action, { setup, allowed }] of Object.entries(ACTIONS)) {
    for (const actor of ACTORS) {
      const expected = allowed.includes(actor);
      it(`${action} by ${actor}: ${expected ? 'allowed' : 'refused'}`, async () => {
        let id = '';
        for (const step of setup) id = await act(step, id, 'office1');
        const before = id ? await duban.engine.get(id) : undefined;
        const auditBefore = await duban.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const outcome = await act(action, id, actor).then(
          () => 'ok',
          (error: unknown) => (isDubanError(error) ? error.code : String(error)),
        );
        if (expected) {
          expect(outcome).toBe('ok');
          return;
        }
        expect(outcome).toBe('NOT_ALLOWED');
        if (before) {
          // Refused: the finding is untouched, and the attempt is in the audit log.
          const after = await duban.engine.get(id);
          expect(after.revision).toBe(before.revision);
          const rows = await duban.store.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).execute();
          expect(rows[0]!.event.startsWith('denied:')).toBe(true);
          expect(rows[0]!.actor).toBe(actor);
          const auditAfter = await duban.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          expect(Number(auditAfter.n)).toBe(Number(auditBefore.n) + 1);
        }
      });
    }
  }
});
