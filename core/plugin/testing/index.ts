import 'reflect-metadata';
// duban/plugin/testing: a plugin's tests run the real host, on a temporary SQLite file.
export { startPluginTestEngine, type PluginTestEngine, type PluginTestOptions } from './startPluginTestEngine.js';
export { ManualClock } from '../../clock/Clock.js';
