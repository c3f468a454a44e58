/** The plugin in a loaded module: exported as `plugin`, as `default`, or the module value itself. */
export function pickDefinition(value: unknown): unknown {
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('id' in record && 'engine' in record) return value;
    if (record.plugin) return record.plugin;
    if (record.default) return record.default;
  }
  return value;
}
