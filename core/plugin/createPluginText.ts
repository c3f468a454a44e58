import type { Catalog, MessageKey } from '../i18n/Catalog.js';
import { createText, type Text } from '../i18n/createText.js';
import { RESERVED_NAMESPACES } from '../i18n/i18n.js';

/**
 * A plugin's texts: its messages in the shared i18next instance under the plugin's id, for
 * module-level labels (`both('plugin.title')` in the manifest) and for commands
 * (`t(ctx.lang, 'out.slides', { count })`). Pass `messages` on to the definition's
 * `messages` field too, so the host registers them when it loads the plugin.
 *
 * @throws Error when `id` is one of duban's own namespaces (`core`, `cli`, `tui`).
 * @example
 * export const { t: say, both, messages } = createPluginText('radiology', { 'zh-CN': zhCN, en });
 */
export function createPluginText<const E extends Catalog>(id: string, messages: { readonly 'zh-CN': Catalog; readonly en: E }): Text<MessageKey<E>> {
  if (RESERVED_NAMESPACES.includes(id)) throw new Error(`"${id}" names duban's own texts; a plugin id must be another word`);
  return createText(id, messages);
}
