/**
 * The injection tokens of the composition root. Only core/ and cli/ use the container;
 * plugins receive a typed context instead.
 */
export const TOKENS = {
  Clock: Symbol.for('duban.Clock'),
  Store: Symbol.for('duban.Store'),
  Logger: Symbol.for('duban.Logger'),
  PluginRegistry: Symbol.for('duban.PluginRegistry'),
  ChainRegistry: Symbol.for('duban.ChainRegistry'),
  Access: Symbol.for('duban.Access'),
  Engine: Symbol.for('duban.Engine'),
  OutboxHandlers: Symbol.for('duban.OutboxHandlers'),
  Settings: Symbol.for('duban.Settings'),
  Schedules: Symbol.for('duban.Schedules'),
  Inbox: Symbol.for('duban.Inbox'),
  OverdueDigestSource: Symbol.for('duban.OverdueDigestSource'),
} as const;
