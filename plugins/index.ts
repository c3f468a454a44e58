import type { PluginCandidate } from '../core/index.js';
import { plugin as qualityOffice } from './quality-office/index.js';
import { plugin as medtech } from './medtech/index.js';
import { plugin as tbLab } from './tb-lab/index.js';

/** The plugins that ship with duban, loaded before any from the config file. */
export const builtinPlugins: readonly PluginCandidate[] = [{ source: 'builtin:quality-office', load: () => qualityOffice }, { source: 'builtin:medtech', load: () => medtech }, { source: 'builtin:tb-lab', load: () => tbLab }];
