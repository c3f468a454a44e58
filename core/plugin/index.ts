// duban/plugin: the SDK a department plugin is built against, and all it may import of
// the host. A plugin is a value from definePlugin; everything it reaches of the host
// comes through the contexts' services (see PluginServices).
export { definePlugin } from './definePlugin.js';
export type {
  ActivityContext,
  CommandContext,
  OutboxHandlerContext,
  PluginCommand,
  PureCommand,
  PureCommandContext,
  DatabaseCommand,
  PluginCommandOption,
  PluginDefinition,
  PluginLabels,
  PluginOutboxHandler,
  RegisterContext,
  TaskInstanceScope,
  TaskTypeDefinition,
} from './PluginDefinition.js';
export type { PluginAccess, PluginFindings, PluginInstances, PluginLogger, PluginOrg, PluginServices } from './PluginServices.js';
export { pluginTablePrefix } from './scope/pluginTablePrefix.js';

export type { AccessDecision } from '../access/AccessDecision.js';
export type { AccessTarget } from '../access/AccessTarget.js';
export type { Clock } from '../clock/Clock.js';
export { DubanError, isDubanError, type ErrorPlace } from '../errors/DubanError.js';
export type { ErrorCode } from '../errors/errorCodes.js';
export { FINDING_STATUSES, OPEN_STATUSES, SEVERITIES, type CorrectiveAction, type FindingDetail, type FindingStatus, type FindingSummary, type Severity } from '../findings/Finding.js';
export type { CategoryCount, FindingFilter } from '../findings/FindingQueries.js';
export type { OpenFindingInput, PlanInput } from '../findings/FindingService.js';
export { LANGUAGES, pick, type Language, type Localized } from '../i18n/Localized.js';
export type { Catalog, CatalogOf, MessageKey, Messages, MessageVars } from '../i18n/Catalog.js';
export { createPluginText } from './createPluginText.js';
export type { InstanceRange, InstanceRecord } from '../instances/InstanceRecord.js';
export type { Person } from '../org/OrgDirectory.js';
export type { FindingCounts, FindingFigures } from '../report/FindingFigures.js';
export { formatDays, formatDecimal, formatPercent } from '../report/formatFigure.js';
export { median, nearestRankPercentile } from '../report/percentiles.js';
export { inDepartments } from '../store/inDepartments.js';
export type { ReportPeriod } from '../report/ReportPeriod.js';
export type { ReportChart, ReportColumn, ReportContext, ReportSection, ReportSectionDefinition, ReportTable, ReportValue } from '../report/ReportSection.js';
export { formatTable } from '../text/formatTable.js';
export { textWidth } from '../text/textWidth.js';
export { mulberry32 } from '../util/mulberry32.js';
export { readInputFile, type InputFile } from '../util/readInputFile.js';
export type { FieldProblem, FieldSpec, FormSpec } from '../kernel/formFields.js';

// Kysely, re-exported so a plugin never installs a copy of its own (a second copy's
// query builders would not be the host's).
export { sql } from 'kysely';
export type { ColumnType, Generated, Insertable, Kysely, Migration, Selectable, Transaction, Updateable } from 'kysely';
