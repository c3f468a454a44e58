import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DUBAN_BIN, REPO_ROOT } from '../support/cli.js';

const UNIT = readFileSync(join(REPO_ROOT, 'docs', 'deploy', 'duban.service'), 'utf8');

/** The `[Service]` settings of a unit file, each key with its values in order. */
function serviceSettings(text: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1]!;
    else if (section === 'Service') {
      const at = line.indexOf('=');
      const key = line.slice(0, at);
      settings.set(key, [...(settings.get(key) ?? []), line.slice(at + 1)]);
    }
  }
  return settings;
}

// CI installs systemd and sets DUBAN_TEST_SYSTEMD, which makes the verify test mandatory
// there: without systemd-analyze it fails instead of being left out.
function systemdAnalyzeFound(): boolean {
  const found = spawnSync('systemd-analyze', ['--version']).status === 0;
  if (!found && process.env.DUBAN_TEST_SYSTEMD) throw new Error('DUBAN_TEST_SYSTEMD is set but systemd-analyze is not installed');
  return found;
}
const VERIFIERS = systemdAnalyzeFound() ? ['systemd-analyze'] : [];

describe('the systemd unit shipped in docs/deploy/duban.service', () => {
  it('runs serve as the duban user, restarts it on failure and reloads it with SIGHUP', () => {
    const service = serviceSettings(UNIT);
    expect(service.get('ExecStart')?.[0]).toMatch(/\/bin\/duban\.js serve$/);
    expect(service.get('User')).toEqual(['duban']);
    expect(service.get('Restart')).toEqual(['on-failure']);
    expect(service.get('ExecReload')).toEqual(['/bin/kill -HUP $MAINPID']);
    expect(service.get('Environment')).toContain('DUBAN_CONFIG=/etc/duban/config.yaml');
  });

  it('is hardened: a read-only system but for its data folder, no new privileges, no capabilities', () => {
    const service = serviceSettings(UNIT);
    expect(service.get('ProtectSystem')).toEqual(['strict']);
    expect(service.get('ReadWritePaths')).toEqual(['/var/lib/duban']);
    expect(service.get('WorkingDirectory')).toEqual(['/var/lib/duban']);
    expect(service.get('NoNewPrivileges')).toEqual(['yes']);
    expect(service.get('ProtectHome')).toEqual(['yes']);
    expect(service.get('CapabilityBoundingSet')).toEqual(['']);
  });
});

describe.each(VERIFIERS)('the unit under %s verify', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Verifies a copy of the unit whose ExecStart runs this checkout's node and bin/duban.js. */
  function verify(unit: string): { status: number | null; stderr: string } {
    dir = mkdtempSync(join(tmpdir(), 'duban-unit-'));
    const file = join(dir, 'duban.service');
    writeFileSync(file, unit.replace(/^ExecStart=.*$/m, `ExecStart="${process.execPath}" "${DUBAN_BIN}" serve`));
    const run = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8', env: { ...process.env, SYSTEMD_LOG_COLOR: '0' } });
    return { status: run.status, stderr: run.stderr };
  }

  // verify exits 0 on unknown keys and unparsable values, it only warns: no output is the pass.
  // It does not look the User= up (that happens at start), so the copy keeps User=duban.
  it('passes with no warning', () => {
    expect(verify(UNIT)).toEqual({ status: 0, stderr: '' });
  });

  it('would catch a mistyped setting (the check is not blind)', () => {
    const result = verify(UNIT.replace('ProtectSystem=strict', 'ProtectSytem=strict'));
    expect(result.stderr).toContain("Unknown key 'ProtectSytem'");
  });

  it('would catch an ExecStart that is not there', () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-unit-'));
    const file = join(dir, 'duban.service');
    writeFileSync(file, UNIT.replace(/^ExecStart=.*$/m, `ExecStart=${join(dir, 'no-node')} serve`));
    expect(() => execFileSync('systemd-analyze', ['verify', file], { stdio: 'pipe' })).toThrow();
  });
});
