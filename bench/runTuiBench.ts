import 'reflect-metadata';
import { measureTui } from './measureTui.js';
import { reportTui } from './reportTui.js';

// `node dist/bench/runTuiBench.js [--findings N] [--rounds N] [--strict]`: the console's
// part of `npm run bench` on its own.
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const line = (text = '') => process.stdout.write(`${text}\n`);
const { large, chinese, baseline, wide } = await measureTui(arg('--findings', 100_000), arg('--rounds', 3), line);
const ok = reportTui(large, chinese, baseline, wide, line, 'd');
if (process.argv.includes('--strict') && !ok) process.exitCode = 1;
