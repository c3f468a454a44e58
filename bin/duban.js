#!/usr/bin/env node
// The CLI is built into dist/bundle/ (by `npm install` through the prepare script, or
// `npm run build`). Where the running Node has it (22.1 and later), V8's compiled code is
// cached on disk, so a command after the first skips compiling what it loads.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/bundle/cli/main.js');
