import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDubanJson } from '../support/cli.js';
import { buildDemo, DEMO_TEST_TIMEOUT, findingContent, FIXED_NOW, listFindings } from './demoCli.js';

// The demo is seeded: with the same seed and the same "now" (DUBAN_NOW), two builds hold
// the same hospital; only ids (random by design) and the build time differ.
describe('duban demo is deterministic', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'duban-demo-seed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'gives the same findings, instances and schedules for the same seed, and another hospital for another seed',
    async () => {
      const options = { now: FIXED_NOW };
      const [a, b, c] = ['a.db', 'b.db', 'c.db'].map((name) => join(dir, name));
      const first = await buildDemo(a!, ['--months', '3', '--seed', '99'], options);
      const second = await buildDemo(b!, ['--months', '3', '--seed', '99'], options);
      const other = await buildDemo(c!, ['--months', '3', '--seed', '100'], options);

      const counts = (s: any) => ({ ...s, database: undefined, seconds: undefined });
      expect(counts(second)).toEqual(counts(first));
      expect(first.to).toBe('2026-11-23T10:00:00.000+08:00');

      const contentA = findingContent(await listFindings(a!, [], options));
      expect(contentA.length).toBeGreaterThan(10);
      expect(findingContent(await listFindings(b!, [], options))).toEqual(contentA);
      expect(findingContent(await listFindings(c!, [], options))).not.toEqual(contentA);
      expect(counts(other)).not.toEqual(counts(first));

      const schedules = async (db: string) =>
        (await runDubanJson(['schedules', 'list', '--db', db, '--json'], options)).map((s: any) => [s.id, s.cron, s.window?.from ?? '', JSON.stringify(s.action)].join('|'));
      expect(await schedules(b!)).toEqual(await schedules(a!));
    },
    DEMO_TEST_TIMEOUT,
  );
});
