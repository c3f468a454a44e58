import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { CHAIN_TEST_TIMEOUT, closeFinding, dateIn, startChainCli, type ChainCli } from './chainCli.js';

// Training session (培训) end to end through the CLI. The chain itself opens no finding
// (workflows/training-session.yaml has no openFinding: it plans, notifies, signs in,
// assesses, works out the make-ups and archives). It is the corrective action of a
// finding here: the inspector opens the finding, the office runs the training for the
// department, and the finding is closed on the archived session.
describe.each(DIALECTS)('training-session through the CLI on %s', (dialect) => {
  let cli: ChainCli | undefined;
  afterEach(async () => {
    await cli?.dispose();
    cli = undefined;
  });

  it(
    'plans, signs in, scores, makes up and archives a training that answers a finding, then closes the finding',
    async () => {
      cli = await startChainCli(dialect);
      const finding = await cli.json(
        [
          'findings', 'open', '--dept', 'CT', '--subject', 'CT', '--subject-kind', 'department',
          '--category', 'procedure.contrast-reaction', '--severity', 'minor',
          '--title', '增强检查对比剂过敏应急处置不熟练', '--title-en', 'Staff unsure of the contrast-reaction emergency drill',
        ],
        'insp1',
      );
      expect(finding).toMatchObject({ department: 'CT', subject: 'CT', severity: 'minor', status: 'open', assignee: 'head_ct', level: 1 });

      const started = await cli.json(['run', 'training-session', '--input', JSON.stringify({ department: 'QC' })], 'office1');
      expect(started).toMatchObject({ chainId: 'training-session', state: 'planning', assigneeRole: 'office' });
      const id: string = started.id;
      const send = (data: unknown) => cli!.json(['send', id, 'SUBMIT', '--data', JSON.stringify(data)], 'office1');

      const plan = {
        topic: '对比剂过敏反应应急处置演练',
        kind: 'procedure-workshop',
        trainer: '急诊科 刘主任',
        audience: ['CT'],
        plannedDate: dateIn(0),
        yearlyTarget: 40,
        passMark: 60,
      };
      expect((await send(plan)).instance).toMatchObject({ state: 'noticed' });
      const attendance = { heldOn: dateIn(0), expected: ['tech1', 'tech2', 'tech3', 'tech4'], present: ['tech1', 'tech2', 'tech3'] };
      expect((await send(attendance)).instance).toMatchObject({ state: 'assessing' });

      // The scores: the make-up activity runs inline and lists who failed and who was absent.
      const scored = await send({ scores: [{ person: 'tech1', score: 92 }, { person: 'tech2', score: 55 }, { person: 'tech3', score: 78 }] });
      expect(scored).toMatchObject({ from: 'assessing', to: 'computing' });
      expect(scored.instance).toMatchObject({ state: 'make-up' });
      expect(scored.instance.context.data.makeUp).toEqual([
        { person: 'tech2', reason: 'failed', score: 55 },
        { person: 'tech4', reason: 'absent' },
      ]);

      // The make-up results; the archiving activity runs inline and the session is archived.
      const archived = await send({ results: [{ person: 'tech2', attended: true, score: 80 }, { person: 'tech4', attended: true, score: 70 }] });
      expect(archived.instance).toMatchObject({ state: 'archived', status: 'done' });
      expect(archived.instance.context.data.record).toMatchObject({
        topic: plan.topic,
        kind: 'procedure-workshop',
        status: 'held',
        expected: attendance.expected,
        present: attendance.present,
        passMark: 60,
        yearlyTarget: 40,
        makeUp: [
          { person: 'tech2', reason: 'failed', attended: true, makeUpScore: 80, passed: true },
          { person: 'tech4', reason: 'absent', attended: true, makeUpScore: 70, passed: true },
        ],
      });

      // The training opened no finding; the department's only finding is the one it answers.
      const listed = await cli.json<{ id: string; category: string; status: string; source: string | null }[]>(['findings', 'list', '--dept', 'CT'], 'office1');
      expect(listed.map((f) => [f.id, f.category, f.status, f.source])).toEqual([[finding.id, 'procedure.contrast-reaction', 'open', null]]);

      const closed = await closeFinding(cli, finding.id, 'head_ct', `全科参加对比剂过敏应急演练（培训 ${id}）`);
      expect(closed).toMatchObject({ category: 'procedure.contrast-reaction', status: 'closed' });
      await cli.expectAuditOk();
    },
    CHAIN_TEST_TIMEOUT,
  );
});
