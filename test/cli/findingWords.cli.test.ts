import { afterEach, describe, expect, it } from 'vitest';
import { CHAIN_TEST_TIMEOUT, startChainCli, type ChainCli } from '../chains/chainCli.js';
import { runDuban } from '../support/cli.js';

describe('findings list and show in words', () => {
  let cli: ChainCli | undefined;
  afterEach(async () => cli?.dispose());

  it(
    'label the category, name the post and the person, say the recorded data and the timeline in the UI language, with no keys, ids or JSON',
    async () => {
      cli = await startChainCli('sqlite');
      const at = '2026-03-02T01:00:00.000Z';
      const posts = [{ post: 'CT-emergency', person: 'tech2' }];
      const started = await cli.json(['run', 'duty-post-inspection', '--input', JSON.stringify({ department: 'CT', posts })], 'office1', at);
      const record = { posts: [{ post: 'CT-emergency', present: true, handoverComplete: true, workLogFiled: false, note: '日志缺页' }] };
      await cli.json(['send', started.id, 'SUBMIT', '--data', JSON.stringify(record)], 'insp1', at);
      const [finding] = await cli.findingsOf(started.id, 'CT');
      expect(finding!.category).toBe('duty-post.work_log_missing');
      const run = async (args: string[], lang: string, now = at) => {
        const result = await runDuban([...args, '--as', 'office1', '--lang', lang], { db: cli!.database.target, cwd: cli!.dir, now });
        expect(result.code, result.stderr).toBe(0);
        return result.stdout;
      };
      // The open step's deadline passes and the engine's timer escalates the finding.
      await run(['serve', '--once'], 'en', '2026-04-20T01:00:00.000Z');

      const list = await run(['findings', 'list'], 'zh-CN');
      expect(list).toMatch(/一般\s+待处理\s+2\s+王质控\s.*工作日志未按规存档/);
      for (const raw of ['duty-post.', 'minor', 'open', 'office1']) expect(list, raw).not.toContain(raw);

      const zh = await run(['findings', 'show', finding!.id], 'zh-CN');
      expect(zh).toMatch(/对象\s+CT急诊班/);
      expect(zh).toMatch(/人员：\S+；说明：日志缺页；复查：否/);
      expect(zh).toContain('立项');
      expect(zh).toMatch(/系统\s+“待处理”期限已过/);
      const en = await run(['findings', 'show', finding!.id], 'en');
      expect(en).toMatch(/Person: [A-Z]\w+ \w+; Note: 日志缺页; Re-inspection: no/);
      expect(en).toMatch(/system\s+the deadline of “Open” passed/);
      for (const text of [zh, en]) {
        for (const raw of ['CT-emergency', 'tech2', 'duty-post.', 'reinspection', 'false', '{', 'timer.', 'system:', ' start ', 'ESCALATE']) expect(text, raw).not.toContain(raw);
      }
    },
    CHAIN_TEST_TIMEOUT,
  );
});
