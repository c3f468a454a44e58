import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { CHAIN_TEST_TIMEOUT, closeFinding, startChainCli, type ChainCli } from './chainCli.js';

// Discipline check (劳动纪律检查) end to end through the CLI: start, the inspector's record,
// the punctuality score and its findings, one finding taken to closed.
describe.each(DIALECTS)('discipline-check through the CLI on %s', (dialect) => {
  let cli: ChainCli | undefined;
  afterEach(async () => {
    await cli?.dispose();
    cli = undefined;
  });

  it(
    'records the roster, scores punctuality below target, opens the findings and closes one',
    async () => {
      cli = await startChainCli(dialect);
      const started = await cli.json(
        ['run', 'discipline-check', '--input', JSON.stringify({ department: 'CT', roster: ['tech1', 'tech2', 'tech3', 'tech4'] })],
        'insp1',
      );
      expect(started).toMatchObject({ chainId: 'discipline-check', state: 'recording', assigneeRole: 'inspector', departmentId: 'CT' });

      // The record: the scoring activity runs after the commit, inline, so `send` already
      // returns the instance at its final step.
      const records = [
        { person: 'tech1', status: 'on_time' },
        { person: 'tech2', status: 'late', note: '08:20 到岗' },
        { person: 'tech3', status: 'away_from_post', note: '10:05 不在岗，在门诊大厅' },
        { person: 'tech4', status: 'on_leave' },
      ];
      const sent = await cli.json(['send', started.id, 'SUBMIT', '--data', JSON.stringify({ records })], 'insp1');
      expect(sent).toMatchObject({ from: 'recording', to: 'scoring' });
      const done = sent.instance;
      expect([done.state, done.status]).toEqual(['belowTarget', 'done']);
      // 1 on time of (4 expected - 1 on leave): 33.3%, below the default 98%.
      expect(done.context.data.punctuality).toMatchObject({ expected: 4, onLeave: 1, onTime: 1, denominator: 3, target: 0.98, belowTarget: true });

      const findings = await cli.findingsOf(started.id, 'CT');
      expect(findings.map((f) => [f.category, f.severity, f.department, f.subject, f.subjectKind, f.status])).toEqual([
        ['discipline.away_from_post', 'major', 'CT', 'tech3', 'person', 'open'],
        ['discipline.late', 'minor', 'CT', 'tech2', 'person', 'open'],
        ['discipline.punctuality', 'minor', 'CT', 'CT', 'department', 'open'],
      ]);
      // Not critical: each starts at level 1 with the department head.
      expect(findings.every((f) => f.level === 1 && f.assignee === 'head_ct')).toBe(true);

      const away = findings[0]!;
      const closed = await closeFinding(cli, away.id, 'head_ct', '离岗串岗者书面检讨，科内通报');
      expect(closed).toMatchObject({ subject: 'tech3', category: 'discipline.away_from_post', source: started.id });

      const after = await cli.findingsOf(started.id, 'CT');
      expect(after.map((f) => [f.subject, f.status])).toEqual([
        ['tech3', 'closed'],
        ['tech2', 'open'],
        ['CT', 'open'],
      ]);
      await cli.expectAuditOk();
    },
    CHAIN_TEST_TIMEOUT,
  );
});
