#!/usr/bin/env node
// The CLI is built into dist/bundle/ (by `npm install` through the prepare script, or
// `npm run build`): one CommonJS file holding the whole program, each part evaluated only
// when a command imports it. It is compiled with V8's code cached on disk
// (loadCompiled.cjs), so a command after the first skips compiling what it runs. This file
// imports one built-in module; the rest is required, which costs less from here.
import module from 'node:module';

const require = module.createRequire(import.meta.url);

// `duban --version` alone needs no command tree: scripts and installers call it to check
// what is installed, and it answers as fast as node starts. (The core's ENGINE_VERSION is
// this same package.json version; a test holds them equal.) With other arguments,
// commander answers, the same way.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const { compileCacheDir, entryKind, loadCompiled } = require('./loadCompiled.cjs');
  const bundle = loadCompiled(require.resolve('../dist/bundle/duban.cjs'), compileCacheDir(), entryKind(args));
  process.once('exit', bundle.save);
  await bundle.exports.runCli(process.argv);
}
