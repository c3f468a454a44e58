// `node --import ./traceImports.mjs ...`: writes every module URL the process resolves to
// the file named by TRACE_IMPORTS, one a line (the hooks run on their own thread, so they
// append to a file rather than talk back).
import { register } from 'node:module';

register('./traceImportsHooks.mjs', import.meta.url);
