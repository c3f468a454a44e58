import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/dialects.js';
import { buildDemo, DEMO_TEST_TIMEOUT, listFindings, runDuban, type ListedFinding } from './demoCli.js';

// `duban demo` through the compiled CLI, then the hospital it built as the other commands
// see it: overdue findings in several departments, an intact audit log, findings in every
// state, escalated, flagged and reopened ones.
describe.each(DIALECTS)('duban demo on %s', (dialect) => {
  let database: TestDatabase;
  let summary: any;
  let findings: ListedFinding[];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    summary = await buildDemo(database.target);
    findings = await listFindings(database.target);
  }, DEMO_TEST_TIMEOUT);
  afterAll(async () => database?.drop());

  it('builds the org, the schedules and six months of history, and says so in JSON', () => {
    expect(summary).toMatchObject({ seed: 2026, months: 6, departments: 27, posts: 18 });
    expect(summary.people).toBeGreaterThanOrEqual(80);
    expect(summary.schedules).toBeGreaterThanOrEqual(40);
    for (const chain of ['discipline-check', 'duty-post-inspection', 'sputum-slide-qc', 'training-session', 'corrective-meeting']) {
      expect(summary.instances[chain].active + summary.instances[chain].done, chain).toBeGreaterThan(0);
    }
    expect(summary.findings.total).toBe(findings.length);
  });

  it(
    'shows overdue findings of several departments with findings list --overdue --json',
    async () => {
      const overdue = await listFindings(database.target, ['--overdue']);
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((f) => f.overdue && ['open', 'acknowledged', 'action_planned'].includes(f.status))).toBe(true);
      expect(new Set(overdue.map((f) => f.department)).size).toBeGreaterThanOrEqual(3);
    },
    DEMO_TEST_TIMEOUT,
  );

  it(
    'passes audit verify',
    async () => {
      const result = await runDuban(['audit', 'verify', '--db', database.target, '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
      expect(JSON.parse(result.stdout).rows).toBe(summary.auditRows);
    },
    DEMO_TEST_TIMEOUT,
  );

  it(
    'has no finding with two corrective meetings, and the actions a meeting agreed are its finding’s',
    async () => {
      const result = await runDuban(['instances', 'list', '--chain', 'corrective-meeting', '--limit', '10000', '--db', database.target, '--json']);
      expect(result.code, result.stderr).toBe(0);
      // A finding's meeting is its child instance.
      const meetings = JSON.parse(result.stdout) as { id: string; state: string; parentId: string | null }[];
      const perFinding = new Map<string, number>();
      for (const m of meetings) if (m.parentId) perFinding.set(m.parentId, (perFinding.get(m.parentId) ?? 0) + 1);
      expect(perFinding.size).toBeGreaterThan(0);
      expect([...perFinding].filter(([, n]) => n > 1)).toEqual([]);
      const handedOver = meetings.find((m) => m.state === 'handed-over' && m.parentId);
      expect(handedOver).toBeDefined();
      const shown = await runDuban(['findings', 'show', handedOver!.parentId!, '--db', database.target, '--json']);
      expect(JSON.parse(shown.stdout).actions.some((a: { agreedIn?: string }) => a.agreedIn === handedOver!.id)).toBe(true);
    },
    DEMO_TEST_TIMEOUT,
  );

  it('has findings in every state, escalated to levels 2 and 3, flagged, and reopened by the effectiveness re-check', () => {
    for (const status of ['open', 'acknowledged', 'action_planned', 'awaiting_verification', 'closed']) {
      expect(findings.some((f) => f.status === status), status).toBe(true);
    }
    expect(findings.some((f) => f.level === 2)).toBe(true);
    expect(findings.some((f) => f.level === 3)).toBe(true);
    expect(findings.some((f) => f.flagged)).toBe(true);
    expect(findings.some((f) => f.reopenCount > 0)).toBe(true);
    // Every kind of supervision left findings: discipline, duty posts (an absence among them), slide QC.
    const categories = new Set(findings.map((f) => f.category));
    for (const category of ['discipline.late', 'discipline.punctuality', 'duty-post.absent', 'duty-post.work_log_missing']) {
      expect(categories.has(category), category).toBe(true);
    }
    expect([...categories].some((c) => c.startsWith('slide-qc.'))).toBe(true);
    // A critical absence is escalated at once: level 2 from the start (a reopened one starts again at 1).
    expect(findings.filter((f) => f.category === 'duty-post.absent' && f.reopenCount === 0).every((f) => f.level >= 2)).toBe(true);
  });
});

describe('duban demo --force', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'duban-demo-force-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'refuses a database with data, naming --db, and leaves it as it was; --force replaces it',
    async () => {
      const db = join(dir, 'demo.db');
      const first = await buildDemo(db, ['--months', '1', '--seed', '11']);
      expect(first).toMatchObject({ months: 1, seed: 11 });

      const refused = await runDuban(['demo', '--db', db, '--months', '1']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/USAGE: .*--db .*demo\.db.*holds data.*--force/);
      expect((await listFindings(db)).length).toBe(first.findings.total);

      const replaced = await buildDemo(db, ['--months', '2', '--seed', '12', '--force']);
      expect(replaced).toMatchObject({ months: 2, seed: 12 });
      expect((await listFindings(db)).length).toBe(replaced.findings.total);
      const audit = await runDuban(['audit', 'verify', '--db', db]);
      expect(audit.code, audit.stderr).toBe(0);
    },
    DEMO_TEST_TIMEOUT,
  );

  it(
    'refuses a file that is not a duban database unless --force, and bad --months and --seed as usage errors',
    async () => {
      const { writeFileSync } = await import('node:fs');
      const file = join(dir, 'notes.db');
      writeFileSync(file, 'not a database');
      const refused = await runDuban(['demo', '--db', file]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/USAGE: .*--db .*cannot be read as a duban database/);

      for (const [flag, value] of [['--months', '0'], ['--months', '25'], ['--seed', '-1'], ['--months', 'six']]) {
        const bad = await runDuban(['demo', '--db', join(dir, 'unused.db'), flag!, value!]);
        expect(bad.code, `${flag} ${value}`).toBe(2);
        expect(bad.stderr).toContain(flag!);
      }
    },
    DEMO_TEST_TIMEOUT,
  );
});

describe('duban tui --demo', () => {
  it(
    'creates the demo hospital in the XDG data folder the first time, and opens it as it is after that',
    async () => {
      // A data folder of its own: the shared test home may hold a demo from another run.
      const data = mkdtempSync(join(tmpdir(), 'duban-demo-xdg-'));
      try {
        const options = { env: { XDG_DATA_HOME: data } };
        const first = await runDuban(['tui', '--demo'], options);
        expect(first.code, first.stderr).toBe(0);
        expect(first.stderr).toMatch(/creating the demo hospital in .*duban[\\/]demo\.db/);
        expect(first.stderr).toContain(data);
        // Not on a terminal, the console prints its summary: the demo's departments are there.
        expect(first.stdout).toMatch(/CT|IM|EM/);

        const again = await runDuban(['tui', '--demo'], options);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stderr).not.toMatch(/creating the demo hospital/);
        expect(again.stdout).toBe(first.stdout);
      } finally {
        rmSync(data, { recursive: true, force: true });
      }
    },
    DEMO_TEST_TIMEOUT,
  );
});
