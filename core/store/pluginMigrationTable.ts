/** The migration history table of a plugin: its own, so its names never clash with the core's. */
export function pluginMigrationTable(pluginId: string): string {
  return `duban_plugin_${pluginId.replace(/-/g, '_')}_migration`;
}
