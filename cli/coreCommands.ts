/** duban's own command words: no plugin's command group may take one. */
export const CORE_COMMANDS: readonly string[] = ['init', 'chains', 'run', 'send', 'instances', 'serve', 'health', 'audit', 'incidents', 'plugins', 'findings', 'org', 'schedules', 'inbox', 'help', 'tui', 'report', 'demo', 'completion', 'form', 'migrate', 'backup', 'restore'];
