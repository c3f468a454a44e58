import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAIN_TEST_TIMEOUT, CHAINS_ORG, startChainCli, type ChainCli } from '../chains/chainCli.js';
import { runDuban } from '../support/cli.js';
import { DIALECTS } from '../support/dialects.js';

const LAB = 'CL-01';
const register = Array.from({ length: 40 }, (_, i) => ({ slide: `S${String(i + 1).padStart(2, '0')}`, result: i % 5 === 0 ? '3+' : 'NEG' }));
const labResult = new Map(register.map((s) => [s.slide, s.result]));

/** Runs a command that must be refused: exit 1, the code on stderr, and exactly one new audit row. */
async function expectRefused(cli: ChainCli, args: readonly string[], as: string | undefined, code: 'NOT_ALLOWED' | 'UNKNOWN_PERSON') {
  const rowsBefore = (await auditRows(cli)).rows;
  const result = await runDuban([...args, ...(as === undefined ? [] : ['--as', as])], { db: cli.database.target, cwd: cli.dir });
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toMatch(new RegExp(`^duban: ${code}: `));
  expect((await auditRows(cli)).rows).toBe(rowsBefore + 1);
}

async function auditRows(cli: ChainCli): Promise<{ ok: boolean; rows: number }> {
  const result = await runDuban(['audit', 'verify', '--json'], { db: cli.database.target, cwd: cli.dir });
  return JSON.parse(result.stdout);
}

describe.each(DIALECTS)('trust boundaries through the CLI on %s', (dialect) => {
  let cli: ChainCli | undefined;
  afterEach(async () => {
    await cli?.dispose();
    cli = undefined;
  });

  it(
    'a slide-QC round: the lab’s head and a person with no role cannot submit the rechecking or the umpiring; the controller cannot umpire his own disagreement; the umpire can',
    async () => {
      cli = await startChainCli(dialect);
      const csv = cli.file('register.csv', `slide,result,examined_on\n${register.map((s) => `${s.slide},${s.result},2026-01-15`).join('\n')}\n`);
      const imported = await cli.json(['tb', 'import', '--department', LAB, '--quarter', '2026-Q1', '--input', csv], 'office1');
      // The lab's own head may not start a round that judges his lab.
      await expectRefused(cli, ['run', 'sputum-slide-qc', '--input', JSON.stringify({ department: LAB, quarter: '2026-Q1' })], 'head_cl1', 'NOT_ALLOWED');
      const { id } = await cli.json(['run', 'sputum-slide-qc', '--input', JSON.stringify({ department: LAB, quarter: '2026-Q1' })], 'office1');
      await cli.json(['send', id, 'SUBMIT', '--data', JSON.stringify({ register: imported.register, annualNegatives: 200, positivity: 0.1 })], 'office1');

      // ctrl2 holds both the controller and the umpire roles.
      const slides: string[] = (await cli.json(['tb', 'slides', '--round', id], 'ctrl2')).slides.map((s: { slide: string }) => s.slide);
      const disputed = slides.find((s) => labResult.get(s) === 'NEG')!;
      const readings = slides.map((slide) => ({ slide, grade: slide === disputed ? '2+' : labResult.get(slide) === '3+' ? '2+' : 'NEG' }));
      const rechecking = ['send', id, 'SUBMIT', '--data', JSON.stringify({ readings })];
      await expectRefused(cli, rechecking, 'head_cl1', 'NOT_ALLOWED');
      await expectRefused(cli, rechecking, 'tech1', 'NOT_ALLOWED');
      await expectRefused(cli, ['tb', 'read', '--round', id, '--slide', slides[0]!, '--grade', 'NEG'], 'head_cl1', 'NOT_ALLOWED');
      expect((await cli.json(['send', id, 'SUBMIT', '--data', JSON.stringify({ readings })], 'ctrl2')).instance).toMatchObject({ state: 'umpiring' });

      const umpiring = ['send', id, 'SUBMIT', '--data', JSON.stringify({ readings: [{ slide: disputed, grade: '2+' }] })];
      await expectRefused(cli, umpiring, 'head_cl1', 'NOT_ALLOWED');
      await expectRefused(cli, umpiring, 'tech1', 'NOT_ALLOWED');
      await expectRefused(cli, umpiring, 'ctrl2', 'NOT_ALLOWED');
      await expectRefused(cli, ['tb', 'read', '--round', id, '--slide', disputed, '--grade', '2+', '--umpire'], 'ctrl2', 'NOT_ALLOWED');
      expect((await cli.json(umpiring, 'ump1')).instance).toMatchObject({ state: 'followUp', context: { data: { readBy: 'ctrl2', umpireBy: 'ump1' } } });
      expect(await auditRows(cli)).toMatchObject({ ok: true });
    },
    CHAIN_TEST_TIMEOUT,
  );

  it(
    'nobody outside the engine is the engine: `--as system:…` is refused and audited, and a person cannot fire a timer',
    async () => {
      cli = await startChainCli(dialect);
      const opened = await cli.json(['findings', 'open', '--dept', 'CT', '--subject', 'tech1', '--category', 'discipline.late', '--severity', 'major', '--title', '迟到'], 'insp1');
      for (const action of [['ack'], ['submit'], ['close', '--note', 'x']]) {
        await expectRefused(cli, ['findings', action[0]!, opened.id, ...action.slice(1)], 'system:anyone', 'NOT_ALLOWED');
      }
      await expectRefused(cli, ['send', opened.id, 'timer.open.sla'], 'system', 'NOT_ALLOWED');
      // Not even the office may send the engine's own events.
      await expectRefused(cli, ['send', opened.id, 'timer.open.sla'], 'office1', 'NOT_ALLOWED');
      await expectRefused(cli, ['findings', 'ack', opened.id], 'ghost', 'UNKNOWN_PERSON');
      // A viewer opening a finding: refused at the start, audited.
      await expectRefused(cli, ['findings', 'open', '--dept', 'CT', '--subject', 'tech1', '--category', 'discipline.late', '--severity', 'minor', '--title', 'x'], 'vp1', 'NOT_ALLOWED');
      // Once an org exists, only the office and IT change it.
      await expectRefused(cli, ['org', 'import', CHAINS_ORG], 'head_ct', 'NOT_ALLOWED');
      const shown = await cli.json(['findings', 'show', opened.id], 'office1');
      expect(shown.status).toBe('open');
    },
    CHAIN_TEST_TIMEOUT,
  );

  it(
    'with logins in the org, the login says who acts; acting for another is the office’s, and the audit row names both',
    async () => {
      cli = await startChainCli(dialect);
      // On SQLite the OS account logs in; on PostgreSQL the database role.
      const login = dialect === 'postgres' ? new URL(cli.database.target).username : userInfo().username;
      const withLogin = (person: string) =>
        cli!.file(`logins-${person}.yaml`, readFileSync(CHAINS_ORG, 'utf8').replace(new RegExp(`(\\{ id: ${person}, [^\\n]*roles: \\[[^\\]]*\\])`), `$1, logins: [${login}]`));
      await cli.json(['org', 'import', withLogin('office1')], 'office1');

      // No --as: the login's person, office1, acts.
      const opened = await cli.json(['findings', 'open', '--dept', 'CT', '--subject', 'tech1', '--category', 'discipline.late', '--severity', 'minor', '--title', '迟到'], 'office1');
      const run = (args: string[], as?: string) => runDuban([...args, ...(as ? ['--as', as] : []), '--json'], { db: cli!.database.target, cwd: cli!.dir });
      const noted = await run(['findings', 'note', opened.id, 'for the head']);
      expect(noted.code, noted.stderr).toBe(0);
      // The office acts on the head's behalf: actor head_ct, by office1.
      const acked = await run(['findings', 'ack', opened.id], 'head_ct');
      expect(acked.code, acked.stderr).toBe(0);
      const timeline = (JSON.parse((await run(['findings', 'show', opened.id])).stdout).timeline as { event: string; actor: string; by?: string }[]).map((t) => [t.event, t.actor, t.by]);
      expect(timeline.slice(-2)).toEqual([
        ['NOTE', 'office1', undefined],
        ['ACK', 'head_ct', 'office1'],
      ]);

      // The login moves to the head: he may act as himself, not as the office.
      await cli.json(['org', 'import', withLogin('head_ct')], 'office1');
      const asHead = await run(['findings', 'note', opened.id, 'plan follows']);
      expect(asHead.code, asHead.stderr).toBe(0);
      await expectRefused(cli, ['findings', 'note', opened.id, 'as the office'], 'office1', 'NOT_ALLOWED');
      expect(await auditRows(cli)).toMatchObject({ ok: true });
    },
    CHAIN_TEST_TIMEOUT,
  );
});
