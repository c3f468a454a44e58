import { afterEach, describe, expect, it } from 'vitest';
import { CHAIN_TEST_TIMEOUT, startChainCli, type ChainCli } from '../chains/chainCli.js';
import { runDuban } from '../support/cli.js';

/** Fills each `<label: kind>` placeholder with a real value of its kind. */
function fill(value: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    const kind = /^<.*: (\w+) id>$/.exec(value)?.[1];
    return kind ? values[kind] : value;
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, values));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  return value;
}

describe('forms from the CLI', () => {
  let cli: ChainCli | undefined;
  afterEach(async () => cli?.dispose());

  it(
    'chains show lists the input and each step’s form; duban form prints JSON that run accepts once filled; three mistakes make one FORM_INVALID naming all three',
    async () => {
      cli = await startChainCli('sqlite');
      const db = { db: cli.database.target, cwd: cli.dir };
      const shown = await runDuban(['chains', 'show', 'duty-post-inspection'], db);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/input \(--input\):[\s\S]*posts\[\]\.post\s+post\s+yes\s+Post/);
      expect(shown.stdout).toMatch(/form of SUBMIT \(--data\):[\s\S]*posts\[\]\.present\s+boolean\s+yes\s+On duty at the post/);

      const printed = await runDuban(['form', 'duty-post-inspection'], db);
      expect(printed.code, printed.stderr).toBe(0);
      const example = JSON.parse(printed.stdout);
      expect(example).toEqual({ department: '<Department: department id>', posts: [{ post: '<Post: post id>', person: '<Person on duty: person id>' }] });
      const input = fill(example, { department: 'CT', post: 'CT-night', person: 'tech1' });
      const started = await cli.json(['run', 'duty-post-inspection', '--input', JSON.stringify(input)], 'insp1');
      expect(started).toMatchObject({ state: 'inspecting' });

      const data = JSON.parse((await runDuban(['form', 'duty-post-inspection', 'inspecting'], db)).stdout);
      expect(data.posts[0]).toMatchObject({ present: false, handoverComplete: false, workLogFiled: false });
      // Three mistakes: a required yes/no left out, a text where a yes/no goes, a field the form does not have.
      const { handoverComplete: _left, ...rest } = data.posts[0];
      const wrong = { posts: [{ ...rest, post: 'CT-night', present: 'yes', note: '已查', extra: 1 }] };
      const refused = await runDuban(['send', started.id, 'SUBMIT', '--data', JSON.stringify(wrong), '--as', 'insp1'], db);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/3 problems/);
      for (const problem of ['data.posts.0.extra: unknown field', 'data.posts.0.present: expected true or false', 'data.posts.0.handoverComplete: required']) {
        expect(refused.stderr).toContain(problem);
      }
    },
    CHAIN_TEST_TIMEOUT,
  );
});
