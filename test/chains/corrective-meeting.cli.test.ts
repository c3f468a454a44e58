import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { CHAIN_TEST_TIMEOUT, dateIn, startChainCli, type ChainCli } from './chainCli.js';

// Corrective meeting (整改专题会议) end to end through the CLI, started by hand for a
// finding the inspector opened: minutes, corrective actions, each done, the report, the
// office's verification, the effectiveness check when its timer falls due (`serve --once`
// with the clock moved on), closed. The finding itself is taken to closed by the CLI too.
describe.each(DIALECTS)('corrective-meeting through the CLI on %s', (dialect) => {
  let cli: ChainCli | undefined;
  afterEach(async () => {
    await cli?.dispose();
    cli = undefined;
  });

  it(
    'holds the meeting for a finding, tracks and verifies its actions, checks effectiveness and closes',
    async () => {
      cli = await startChainCli(dialect);
      const finding = await cli.json(
        [
          'findings', 'open', '--dept', 'CT', '--subject', 'tech1', '--subject-kind', 'person',
          '--category', 'duty-post.handover_incomplete', '--severity', 'major',
          '--title', '夜班交接班记录缺项', '--title-en', 'Night-shift handover record incomplete',
        ],
        'insp1',
      );
      expect(finding).toMatchObject({ department: 'CT', subject: 'tech1', severity: 'major', status: 'open', assignee: 'head_ct' });

      const input = { findingId: finding.id, department: 'CT', subject: 'tech1', reason: '夜班交接班记录缺项 / handover record incomplete' };
      const started = await cli.json(['run', 'corrective-meeting', '--input', JSON.stringify(input)], 'office1');
      expect(started).toMatchObject({ chainId: 'corrective-meeting', state: 'meeting', assigneeRole: 'head', departmentId: 'CT' });
      expect(started.context.input.findingId).toBe(finding.id);
      const id: string = started.id;
      const send = (event: string, data: unknown, as: string, now?: string) =>
        cli!.json(['send', id, event, '--data', JSON.stringify(data)], as, now);

      const minutes = {
        heldAt: new Date().toISOString(),
        place: 'CT室会议室',
        chair: 'head_ct',
        attendees: ['head_ct', 'tech1', 'tech2', 'office1'],
        statements: [{ person: 'tech1', kind: 'self-criticism', text: '本人交班时未逐项填写交接班记录，深刻检讨。' }],
        rootCause: '交接班记录无核对人，夜班无人督查',
        decisions: ['交接班记录双人签字', '科室每周抽查交接班记录'],
      };
      expect((await send('SUBMIT', minutes, 'head_ct')).instance).toMatchObject({ state: 'planning' });

      const actions = [
        { id: 'A1', action: '修订交接班记录表，增加核对人签字栏', owner: 'head_ct', due: dateIn(7) },
        { id: 'A2', action: '全科交接班制度培训', owner: 'tech2', due: dateIn(10) },
      ];
      // The meeting is about a finding: the actions agreed become the finding's (one list).
      const planned = await send('SUBMIT', { actions }, 'head_ct');
      expect(planned.instance).toMatchObject({ state: 'handed-over', status: 'done' });
      expect(planned.instance.context.data.actions).toBeUndefined();
      await cli.json(['serve', '--once'], 'office1');
      const adopted = await cli.json(['findings', 'show', finding.id], 'office1');
      expect(adopted.actions.map((a: any) => [a.id, a.text, a.owner, a.due, a.kind, a.agreedIn])).toEqual([
        ['a1', actions[0]!.action, 'head_ct', actions[0]!.due, 'corrective', id],
        ['a2', actions[1]!.action, 'tech2', actions[1]!.due, 'corrective', id],
      ]);

      // The finding tracks them: each owner marks their own done, the head submits, the office closes.
      await cli.json(['findings', 'action-done', finding.id, 'a1', '--note', '新版交接班记录表已启用'], 'head_ct');
      await cli.json(['findings', 'action-done', finding.id, 'a2', '--note', '培训签到表 12 人'], 'tech2');
      await cli.json(['findings', 'submit', finding.id], 'head_ct');
      const closed = await cli.json(['findings', 'close', finding.id, '--note', `专题会议整改（${id}）已核实`], 'office1');
      expect(closed).toMatchObject({ category: 'duty-post.handover_incomplete', status: 'closed' });
      expect(closed.actions.map((a: any) => [a.status, a.doneBy])).toEqual([['done', 'head_ct'], ['done', 'tech2']]);

      // The meeting opened no finding of its own; the one it answered is closed.
      const listed = await cli.json<any[]>(['findings', 'list', '--dept', 'CT'], 'office1');
      expect(listed.map((f) => [f.id, f.status])).toEqual([[finding.id, 'closed']]);
      await cli.expectAuditOk();
    },
    CHAIN_TEST_TIMEOUT,
  );
});
