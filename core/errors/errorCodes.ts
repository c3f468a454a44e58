/**
 * The stable error codes. They are part of the public contract: scripts and the TUI
 * branch on them, so a code is never renamed or reused.
 */
export const ERROR_CODES = [
  'USAGE',
  'CONFIG_INVALID',
  'DB_OPEN_FAILED',
  'DB_UNSUPPORTED_TARGET',
  'CHAIN_INVALID',
  'CHAIN_FILE_UNREADABLE',
  'CHAIN_NOT_FOUND',
  'CHAIN_VERSION_CONFLICT',
  'INSTANCE_NOT_FOUND',
  'EVENT_NOT_ACCEPTED',
  'GUARD_REJECTED',
  'REVISION_CONFLICT',
  'FORM_INVALID',
  'INPUT_INVALID',
  'NOT_ALLOWED',
  'UNKNOWN_PERSON',
  'PLUGIN_MANIFEST_INVALID',
  'PLUGIN_ENGINE_MISMATCH',
  'PLUGIN_LOAD_FAILED',
  'PLUGIN_REGISTER_FAILED',
  'PLUGIN_NOT_FOUND',
  'TASK_TYPE_UNKNOWN',
  'ACTIVITY_FAILED',
  'INCIDENT_NOT_FOUND',
  'INCIDENT_NOT_OPEN',
  'AUDIT_BROKEN',
  'TIMER_CLAIMED',
  'NOT_FOUND',
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];
