#!/usr/bin/env node
// The CLI is built into dist/bundle/ (by `npm install` through the prepare script, or
// `npm run build`). Where the running Node has it (22.1 and later), V8's compiled code is
// cached on disk, so a command after the first skips compiling what it loads.
import { readFileSync } from 'node:fs';
import module from 'node:module';

// `duban --version` alone needs no command tree: scripts and installers call it to check
// what is installed, and it answers as fast as node starts. (The core's ENGINE_VERSION is
// this same package.json version; a test holds them equal.) With other arguments,
// commander answers, the same way.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  module.enableCompileCache?.();
  await import('../dist/bundle/cli/main.js');
}
