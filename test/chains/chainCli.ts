import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { initDatabase, REPO_ROOT, runDuban } from '../support/cli.js';

/**
 * Support of the end-to-end chain tests: each drives one chain through the compiled CLI,
 * one process per command, on a fresh database of either dialect.
 */

/** The org of these tests: hospital.yaml's people plus CT staff, the TB laboratory and a county lab. */
export const CHAINS_ORG = fileURLToPath(new URL('../fixtures/org/chains.yaml', import.meta.url));

/**
 * A test's time limit. Each command pays node's start and plugin loading (several seconds
 * on a loaded 2-core machine) and a test runs a score of them; nothing asserts on time.
 */
export const CHAIN_TEST_TIMEOUT = 300_000;

/** A finding as `findings list --json` prints it. */
export interface FindingRow {
  readonly id: string;
  readonly department: string;
  readonly subject: string;
  readonly subjectKind: string;
  readonly category: string;
  readonly severity: string;
  readonly status: string;
  readonly assignee: string | null;
  readonly level: number;
  readonly source: string | null;
  readonly title: { readonly 'zh-CN': string; readonly en: string };
}

/** The CLI of one test: its database, a scratch folder, and JSON-answering commands. */
export interface ChainCli {
  readonly database: TestDatabase;
  /** A folder for the files a test writes (CSV registers, readings); also the CLI's cwd. */
  readonly dir: string;
  /** Runs `duban <args> --as <as> --json` (with `DUBAN_NOW` when given), expects exit 0, parses stdout. */
  json<T = any>(args: readonly string[], as: string, now?: string): Promise<T>;
  /** Writes a file in `dir` and returns its path. */
  file(name: string, text: string): string;
  /** The findings a chain instance opened, by category then subject (`findings list --dept`). */
  findingsOf(source: string, department: string): Promise<FindingRow[]>;
  /** `duban audit verify --json` passes. */
  expectAuditOk(): Promise<void>;
  dispose(): Promise<void>;
}

/** Fails loudly when the compiled CLI is missing (`npm test` builds it first). */
function assertBuilt(): void {
  for (const file of ['dist/bundle/duban.cjs']) {
    if (!existsSync(join(REPO_ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` (npm test does it first)`);
  }
}

/** A fresh database of the dialect with the chains' org imported through the CLI. */
export async function startChainCli(dialect: 'sqlite' | 'postgres'): Promise<ChainCli> {
  assertBuilt();
  const database = await createTestDatabase(dialect);
  const dir = mkdtempSync(join(tmpdir(), 'duban-chain-'));
  const json = async <T = any>(args: readonly string[], as: string, now?: string): Promise<T> => {
    const full = [...args, '--as', as, '--json'];
    const result = await runDuban(full, { db: database.target, cwd: dir, now });
    if (result.code !== 0) throw new Error(`duban ${full.join(' ')} exited ${result.code ?? result.signal}:\n${result.stderr}${result.stdout}`);
    try {
      return JSON.parse(result.stdout) as T;
    } catch {
      throw new Error(`duban ${full.join(' ')} printed no JSON:\n${result.stdout}\n${result.stderr}`);
    }
  };
  const cli: ChainCli = {
    database,
    dir,
    json,
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    async findingsOf(source, department) {
      const list = await json<FindingRow[]>(['findings', 'list', '--dept', department], 'office1');
      const key = (f: FindingRow) => `${f.category}\u0000${f.subject}`;
      return list.filter((f) => f.source === source).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    },
    async expectAuditOk() {
      expect(await json(['audit', 'verify'], 'office1')).toMatchObject({ ok: true });
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    },
  };
  try {
    // As an office starts: the database is made on purpose, then the org imported.
    await initDatabase({ db: database.target, cwd: dir });
    expect(await json(['org', 'import', CHAINS_ORG], 'office1')).toMatchObject({ departments: 7, people: 14, posts: 2 });
  } catch (error) {
    await cli.dispose();
    throw error;
  }
  return cli;
}

/** A calendar date `days` from today (for due dates of corrective actions). */
export function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Takes a finding through its whole lifecycle by the CLI, each step as the role that owns
 * it: the department head acknowledges, plans one corrective action, marks it done and
 * submits it; the quality office verifies and closes. Asserts each status on the way and
 * the closed finding's timeline; returns `findings show --json` of the closed finding.
 */
export async function closeFinding(cli: ChainCli, id: string, head: string, action: string): Promise<any> {
  expect((await cli.json(['findings', 'ack', id], head)).status).toBe('acknowledged');
  const planned = await cli.json(['findings', 'plan', id, '--action', action, '--owner', head, '--due', dateIn(7)], head);
  expect(planned).toMatchObject({ status: 'action_planned', openActions: 1 });
  const actionId: string = planned.actions[0].id;
  expect((await cli.json(['findings', 'action-done', id, actionId, '--note', `${action}: done`], head)).openActions).toBe(0);
  expect((await cli.json(['findings', 'submit', id], head)).status).toBe('awaiting_verification');
  const closed = await cli.json(['findings', 'close', id, '--note', 'verified on site by the quality office'], 'office1');
  expect(closed).toMatchObject({ id, status: 'closed', closedAt: expect.any(String) });
  expect(closed.actions).toMatchObject([{ id: actionId, text: action, owner: head, status: 'done' }]);
  const events = (closed.timeline as { event: string; actor: string }[]).map((t) => [t.event, t.actor]);
  expect(events.slice(-5)).toEqual([
    ['ACK', head],
    ['PLAN', head],
    ['ACTION_DONE', head],
    ['SUBMIT', head],
    ['CLOSE', 'office1'],
  ]);
  return closed;
}
