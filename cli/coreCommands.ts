/** duban's own command words: no plugin's command group may take one. */
export const CORE_COMMANDS: readonly string[] = ['init', 'chains', 'run', 'send', 'instances', 'serve', 'audit', 'incidents', 'plugins', 'findings', 'org', 'schedules', 'inbox', 'help', 'tui', 'report', 'demo', 'migrate', 'backup', 'restore'];
