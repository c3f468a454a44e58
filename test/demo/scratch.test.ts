import { it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoHospital } from '../../cli/demo/buildDemoHospital.js';

it('scratch', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-scratch-'));
  const t = Date.now();
  const s = await buildDemoHospital(join(dir, 'demo.db'), { seed: Number(process.env.SEED ?? 2026), now: new Date(process.env.NOW ?? '2026-11-23T10:00:00+08:00'), progress: console.log });
  console.log(JSON.stringify(s, null, 1), Date.now() - t, 'ms', dir);
}, 600_000);
