import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { CHAIN_TEST_TIMEOUT, closeFinding, dateIn, startChainCli, type ChainCli } from './chainCli.js';

const LAB = 'CL-01';
const QUARTER = '2026-Q1';

// The county lab's register: 40 slides, S01..S40, every fifth (S01, S06, …) positive 3+.
const register = Array.from({ length: 40 }, (_, i) => ({ slide: `S${String(i + 1).padStart(2, '0')}`, result: i % 5 === 0 ? '3+' : 'NEG' }));
const labResult = new Map(register.map((s) => [s.slide, s.result]));

// Sputum slide QC (痰片质控) end to end through the CLI: the register imported with the
// tb-lab plugin's command, the LQAS draw, the controller's blinded readings by `tb read`,
// the umpire on the discordant slide, the verdict and its finding, the follow-up, and
// the finding taken to closed by the lab's head and the office.
describe.each(DIALECTS)('sputum-slide-qc through the CLI on %s', (dialect) => {
  let cli: ChainCli | undefined;
  afterEach(async () => {
    await cli?.dispose();
    cli = undefined;
  });

  it(
    'samples, rechecks blind, umpires a false negative, fails the lab, follows up and closes the finding',
    async () => {
      cli = await startChainCli(dialect);
      const csv = cli.file('register.csv', `slide,result,examined_on\n${register.map((s) => `${s.slide},${s.result},2026-01-15`).join('\n')}\n`);
      const imported = await cli.json(['tb', 'import', '--department', LAB, '--quarter', QUARTER, '--input', csv], 'office1');
      expect(imported).toMatchObject({ register: `${LAB}/${QUARTER}/1`, slides: 40, positives: 8, negatives: 32 });

      const started = await cli.json(['run', 'sputum-slide-qc', '--input', JSON.stringify({ department: LAB, quarter: QUARTER })], 'office1');
      expect(started).toMatchObject({ chainId: 'sputum-slide-qc', state: 'importing', assigneeRole: 'office', departmentId: LAB });
      const id: string = started.id;

      // The import step; the sampling activity runs inline and draws the LQAS sample.
      const sampled = await cli.json(['send', id, 'SUBMIT', '--data', JSON.stringify({ register: imported.register, annualNegatives: 200, positivity: 0.1 })], 'office1');
      expect(sampled.instance).toMatchObject({ state: 'rechecking', assigneeRole: 'controller' });
      const { sampleSize, annualSampleSize, seed } = sampled.instance.context.data;
      expect(sampleSize).toBe(Math.ceil(annualSampleSize / 4));
      expect(typeof seed).toBe('number');

      // The controller's list: slide ids, no laboratory result.
      const blind = await cli.json(['tb', 'slides', '--round', id], 'ctrl1');
      expect(blind.slides).toHaveLength(sampleSize);
      expect(blind.slides.every((s: any) => s.lab === null && s.labBlinded === true)).toBe(true);
      const selected: string[] = blind.slides.map((s: any) => s.slide);
      // At most 8 of the 20 selected are positive, so negatives are among them.
      const missed = selected.find((s) => labResult.get(s) === 'NEG')!;

      // Blinded readings as CSV: positives read 2+ (correct against 3+), negatives NEG, but
      // the controller finds 2+ on one slide the lab called negative.
      const grade = (slide: string) => (slide === missed ? '2+' : labResult.get(slide) === '3+' ? '2+' : 'NEG');
      const readings = cli.file('readings.csv', `slide,grade,specimen,staining\n${selected.map((s) => `${s},${grade(s)},good,good`).join('\n')}\n`);
      const read = await cli.json(['tb', 'read', '--round', id, '--input', readings], 'ctrl1');
      expect(read).toMatchObject({ reader: 'controller', recorded: sampleSize, unchanged: 0 });
      // Recorded, each slide's laboratory result shows beside the reading.
      expect(read.slides.find((s: any) => s.slide === missed)).toMatchObject({ lab: 'NEG', labBlinded: false, controller: { grade: '2+' } });

      const compared = await cli.json(['send', id, 'SUBMIT', '--data', '{}'], 'ctrl1');
      expect(compared.instance).toMatchObject({ state: 'umpiring', assigneeRole: 'umpire' });
      expect(compared.instance.context.data).toMatchObject({ discordant: [missed], discordantCount: 1 });

      // The umpire sees the discordant slide without either earlier reading, and confirms the controller.
      const forUmpire = await cli.json(['tb', 'slides', '--round', id, '--for-umpire'], 'ump1');
      expect(forUmpire.slides.map((s: any) => [s.slide, s.lab, s.controller])).toEqual([[missed, null, null]]);
      const evaluated = await cli.json(['send', id, 'SUBMIT', '--data', JSON.stringify({ readings: [{ slide: missed, grade: '2+' }] })], 'ump1');
      expect(evaluated.instance).toMatchObject({ state: 'followUp', assigneeRole: 'office' });
      expect(evaluated.instance.context.data.result).toMatchObject({
        passed: false,
        counts: { correct: sampleSize - 1, HFN: 1, HFP: 0, LFN: 0, LFP: 0, QE: 0 },
        majorErrors: 1,
        slidesRead: sampleSize,
        controllerErrors: 0,
      });

      // The failed round opened one finding against the laboratory, with its head.
      const findings = await cli.findingsOf(id, LAB);
      expect(findings.map((f) => [f.category, f.severity, f.department, f.subject, f.subjectKind, f.status, f.assignee])).toEqual([
        ['slide-qc.major-errors', 'major', LAB, LAB, 'lab', 'open', 'head_cl1'],
      ]);

      // The institute trains the lab's staff: the round closes.
      const followedUp = await cli.json(['send', id, 'SUBMIT', '--data', JSON.stringify({ action: 'training', date: dateIn(14), note: '抗酸染色与低菌量涂片镜检培训' })], 'office1');
      expect(followedUp.instance).toMatchObject({ state: 'closed', status: 'done' });
      expect(followedUp.instance.context.data.followUp).toMatchObject({ action: 'training' });

      const closed = await closeFinding(cli, findings[0]!.id, 'head_cl1', '全员参加镜检培训，复核本季度阴性片');
      expect(closed).toMatchObject({ department: LAB, category: 'slide-qc.major-errors', source: id });
      await cli.expectAuditOk();
    },
    CHAIN_TEST_TIMEOUT,
  );
});
