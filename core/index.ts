import 'reflect-metadata';
// The public API of duban's core: what plugins and the CLI may import. One screen.
export type { AccessDecision } from './access/AccessDecision.js';
export type { AccessControl } from './access/AccessControl.js';
export type { AccessTarget } from './access/AccessTarget.js';
export { isRefusal } from './access/refusals.js';
export { resolveIdentity, type Identity, type IdentityClaim } from './access/resolveIdentity.js';
export { isReservedActorId, personActor, type Actor, type ActorLike, type PersonActor } from './actor/Actor.js';
export { ManualClock, OffsetClock, SystemClock, type Clock } from './clock/Clock.js';
export { createDuban, type Duban, type DubanOptions } from './container/createDuban.js';
export { TOKENS } from './container/tokens.js';
export { loadConfig } from './config/loadConfig.js';
export type { DubanConfig } from './config/DubanConfig.js';
export { FINDING_STATUSES, OPEN_STATUSES, SEVERITIES, type CorrectiveAction, type FindingDetail, type FindingStatus, type FindingSummary, type Severity, type TimelineEntry } from './findings/Finding.js';
export type { FindingFilter, FindingKey, FindingQueries } from './findings/FindingQueries.js';
export type { FindingService, OpenFindingInput, PlanInput } from './findings/FindingService.js';
export { importOrg, ROLES, type OrgImportResult } from './org/importOrg.js';
export { ORG_FORMATS, type OrgFormat } from './org/OrgFormat.js';
export { DEFAULT_ESCALATION, type EscalationLevel, type OrgDirectory, type Person } from './org/OrgDirectory.js';
export { DubanError, formatPlace, isDubanError, type ErrorPlace } from './errors/DubanError.js';
export { ERROR_CODES, type ErrorCode } from './errors/errorCodes.js';
export { languageNamed, LANGUAGES, localeLanguage, pick, type Language, type Localized } from './i18n/Localized.js';
export type { Catalog, CatalogOf, MessageKey, Messages, MessageVars } from './i18n/Catalog.js';
export { createText, type Text } from './i18n/createText.js';
export { addNamespace, fixedT, i18nInstance, translate, type Translate } from './i18n/i18n.js';
export { createPluginText } from './plugin/createPluginText.js';
export { definePlugin } from './plugin/definePlugin.js';
export type {
  ActivityContext,
  CommandContext,
  PluginCommand,
  PureCommand,
  PureCommandContext,
  DatabaseCommand,
  PluginDefinition,
  RegisterContext,
  TaskInstanceScope,
  TaskTypeDefinition,
} from './plugin/PluginDefinition.js';
export type { DisabledPlugin, LoadedPlugin, PluginCandidate } from './plugin/PluginRegistry.js';
export { Engine, type BatchEvent, type BatchOutcome, type InstanceFilter, type SendOptions, type StartOptions } from './runtime/Engine.js';
export { GroupCommit } from './runtime/GroupCommit.js';
export type { Incident } from './runtime/IncidentService.js';
export type { InstanceView, SendResult } from './runtime/InstanceView.js';
export { defaultDatabaseTarget } from './store/defaultDatabaseTarget.js';
export { openStore } from './store/openStore.js';
export type { Db, Store } from './store/Store.js';
export { verifyAudit, type AuditVerification } from './audit/verifyAudit.js';
export { assembleReport, buildReport, reportSectionsOf, type AssembleReportInput, type ContributedSection } from './report/buildReport.js';
export type { FindingCounts, FindingFigures, OldestOpenFinding, TimeToClose } from './report/FindingFigures.js';
export { findingsReportSection, SEVERITY_LABELS } from './report/findingsSection.js';
export { formatDays, formatDecimal, formatPercent } from './report/formatFigure.js';
export { median, nearestRankPercentile } from './report/percentiles.js';
export { queryFindingFigures } from './findings/queryFindingFigures.js';
export { inDepartments } from './store/inDepartments.js';
export type { AssembledSection, Report, SectionFailure } from './report/Report.js';
export { monthPeriod, yearPeriod, type ReportPeriod } from './report/ReportPeriod.js';
export type { ReportChart, ReportColumn, ReportContext, ReportFormat, ReportSection, ReportSectionDefinition, ReportTable, ReportValue } from './report/ReportSection.js';
export { mulberry32 } from './util/mulberry32.js';
export { readInputFile, type InputFile } from './util/readInputFile.js';
export { InboxService, type InboxMessage } from './notify/InboxService.js';
export type { Notification, NotifyChannel, NotifyTarget } from './notify/Notification.js';
export type { NotifyConfig, WebhookConfig } from './notify/NotifyConfig.js';
export type { OverdueDigestQuery, OverdueDigestSource, OverdueFinding } from './schedule/OverdueDigestSource.js';
export { ScheduleService } from './schedule/ScheduleService.js';
export type { MissedRunPolicy, Occurrence, ScheduleAction, ScheduleInput, SchedulePass, ScheduleView } from './schedule/ScheduleTypes.js';
export { ENGINE_VERSION } from './version.js';
export { validateForm, type FieldProblem, type FieldSpec, type FormSpec } from './kernel/formFields.js';
export { parseChainSource } from './workflow/parseChainSource.js';
