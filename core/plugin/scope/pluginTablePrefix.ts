/**
 * The prefix of every table a plugin owns: its id with `-` turned into `_`, and a `_`
 * (`tb-lab` owns `tb_lab_*`). The host keeps the plugin's migration history itself, under
 * `duban_plugin_<prefix>migration`, which the plugin's own queries may not name.
 */
export function pluginTablePrefix(pluginId: string): string {
  return `${pluginId.replace(/-/g, '_')}_`;
}
