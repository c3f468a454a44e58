import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { CHAIN_TEST_TIMEOUT, closeFinding, startChainCli, type ChainCli } from './chainCli.js';

const ok = { present: true, handoverComplete: true, workLogFiled: true };

// Duty-post inspection (值班在岗检查) end to end through the CLI: start (as the schedule
// would), the inspector's record, the assessment and its findings (an absence critical,
// escalated at once, with a corrective meeting), the re-inspection, and the critical
// finding taken to closed.
describe.each(DIALECTS)('duty-post-inspection through the CLI on %s', (dialect) => {
  let cli: ChainCli | undefined;
  afterEach(async () => {
    await cli?.dispose();
    cli = undefined;
  });

  it(
    'finds a post absent, opens the findings, re-inspects the post and closes the critical finding',
    async () => {
      cli = await startChainCli(dialect);
      const posts = [
        { post: 'CT-night', person: 'tech1' },
        { post: 'CT-emergency', person: 'tech2' },
      ];
      const started = await cli.json(['run', 'duty-post-inspection', '--input', JSON.stringify({ department: 'CT', posts })], 'office1');
      expect(started).toMatchObject({ chainId: 'duty-post-inspection', state: 'inspecting', assigneeRole: 'inspector' });

      const record = {
        posts: [
          { post: 'CT-night', present: false, handoverComplete: false, workLogFiled: true, note: '23:10 岗位无人，电话未接' },
          { post: 'CT-emergency', present: true, handoverComplete: true, workLogFiled: false },
        ],
      };
      const sent = await cli.json(['send', started.id, 'SUBMIT', '--data', JSON.stringify(record)], 'insp1');
      // The assessing activity ran inline after the commit: the absent post awaits re-inspection.
      expect(sent).toMatchObject({ from: 'inspecting', to: 'assessing' });
      expect(sent.instance).toMatchObject({ state: 'reinspecting', status: 'active', assigneeRole: 'inspector' });
      expect(sent.instance.context.data.expectedPosts).toEqual([{ post: 'CT-night', person: 'tech1' }]);

      const findings = await cli.findingsOf(started.id, 'CT');
      expect(findings.map((f) => [f.category, f.severity, f.department, f.subject, f.subjectKind, f.status])).toEqual([
        ['duty-post.absent', 'critical', 'CT', 'CT-night', 'post', 'open'],
        ['duty-post.handover_incomplete', 'major', 'CT', 'CT-night', 'post', 'open'],
        ['duty-post.work_log_missing', 'minor', 'CT', 'CT-emergency', 'post', 'open'],
      ]);
      // Absent on duty escalates at once: level 2, with the quality office; the others stay with the head.
      const absent = findings[0]!;
      expect([absent.level, absent.assignee]).toEqual([2, 'office1']);
      expect(findings.slice(1).map((f) => [f.level, f.assignee])).toEqual([
        [1, 'head_ct'],
        [1, 'head_ct'],
      ]);

      // ...and the findings module started the corrective meeting (专题会议) for it alone.
      const meetings = await cli.json<any[]>(['instances', 'list', '--chain', 'corrective-meeting'], 'office1');
      expect(meetings.map((m) => [m.parentId, m.state, m.departmentId])).toEqual([[absent.id, 'meeting', 'CT']]);

      // The re-inspection covers the absent post only; the person is there this time.
      const rechecked = await cli.json(['send', started.id, 'SUBMIT', '--data', JSON.stringify({ posts: [{ post: 'CT-night', ...ok }] })], 'insp1');
      expect(rechecked.instance).toMatchObject({ state: 'closed', status: 'done' });
      expect(rechecked.instance.context.data.rounds).toHaveLength(2);

      // The department head answers the critical finding; the office verifies and closes it.
      const closed = await closeFinding(cli, absent.id, 'head_ct', '夜班双人值守，值班人员书面检讨');
      expect(closed).toMatchObject({ category: 'duty-post.absent', severity: 'critical', source: started.id });

      // Re-inspected without a new absence: no further finding.
      const after = await cli.findingsOf(started.id, 'CT');
      expect(after.map((f) => [f.category, f.status])).toEqual([
        ['duty-post.absent', 'closed'],
        ['duty-post.handover_incomplete', 'open'],
        ['duty-post.work_log_missing', 'open'],
      ]);
      await cli.expectAuditOk();
    },
    CHAIN_TEST_TIMEOUT,
  );
});
