import { afterEach, describe, expect, it } from 'vitest';
import { CHAIN_TEST_TIMEOUT, startChainCli, type ChainCli } from '../chains/chainCli.js';
import { runDuban } from '../support/cli.js';

describe('one clock for people', () => {
  let cli: ChainCli | undefined;
  afterEach(async () => cli?.dispose());

  it(
    'findings list, findings show and inbox print the same instant as the same local time, the zone said once; --json stays UTC; show labels the category',
    async () => {
      cli = await startChainCli('sqlite');
      const instant = '2027-02-07T12:00:00.000Z';
      const opened = await cli.json(
        ['findings', 'open', '--dept', 'CT', '--subject', 'tech1', '--category', 'discipline.late', '--severity', 'major', '--title', '迟到'],
        'insp1',
        '2027-02-05T01:00:00.000Z',
      );
      // The office fixes the due date to the instant; at the instant the head asks for an extension (the office's inbox hears of it).
      const fixed = await cli.json(['findings', 'set-due', opened.id, '--due-at', instant, '--reason', '按时完成'], 'office1', '2027-02-07T11:59:00.000Z');
      expect(fixed.dueAt).toBe(instant);
      await cli.json(['findings', 'request-extension', opened.id, '--until', '2027-02-20', '--reason', '设备检修'], 'head_ct', instant);
      const run = async (args: string[]) => {
        const result = await runDuban([...args, '--as', 'office1', '--lang', 'en'], { db: cli!.database.target, cwd: cli!.dir, now: instant });
        expect(result.code, result.stderr).toBe(0);
        return result.stdout;
      };
      const list = await run(['findings', 'list']);
      const show = await run(['findings', 'show', opened.id]);
      const inbox = await run(['inbox']);
      for (const text of [list, show, inbox]) {
        expect(text).toContain('2027-02-07 20:00');
        expect(text).not.toContain('12:00');
        expect(text.match(/\+08/g)).toHaveLength(1);
      }
      // The category by its plugin's label, not its code.
      expect(show).toMatch(/Category\s+Late/);
      expect(show).not.toContain('discipline.late');
      const json = await run(['inbox', '--json']);
      expect(JSON.parse(json).some((m: { createdAt: string }) => m.createdAt.startsWith('2027-02-07T12:00:0'))).toBe(true);
    },
    CHAIN_TEST_TIMEOUT,
  );
});
