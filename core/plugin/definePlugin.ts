import type { PluginDefinition } from './PluginDefinition.js';

/**
 * Declares a plugin. Returns the same definition, frozen: a plugin is a value, and
 * importing it has no side effects. The host validates it before calling any of its
 * functions (see `PluginRegistry.load`).
 *
 * @example
 * export const plugin = definePlugin({
 *   id: 'radiology', version: '1.0.0', engine: '^0.1.0',
 *   title: { 'zh-CN': '放射科', en: 'Radiology' },
 *   taskTypes: [{ name: 'radiology.film-check', title: {...}, form: {...} }],
 *   chains: [new URL('./chains/film-check.yaml', import.meta.url)],
 * });
 */
export function definePlugin<const T extends PluginDefinition>(definition: T): Readonly<T> {
  return deepFreeze(definition);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof URL)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
