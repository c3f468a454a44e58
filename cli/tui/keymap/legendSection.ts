import { FINDING_STATUSES, SEVERITIES } from '../../../core/findings/Finding.js';
import type { Translate } from '../i18n/tuiText.js';
import type { Theme } from '../theme/Theme.js';
import type { HelpSection } from './helpSections.js';

/** The help's legend of the symbols lists and the detail use (status, severity, overdue, flagged), from the theme in use. Pure. */
export function legendSection(theme: Theme, t: Translate): HelpSection {
  return {
    title: t('help.legend'),
    lines: [
      ...FINDING_STATUSES.map((s) => ({ keys: theme.status[s], label: t(`status.${s}`), available: true })),
      ...SEVERITIES.map((s) => ({ keys: theme.severity[s], label: t(`severity.${s}`), available: true })),
      { keys: theme.glyphs.overdue, label: t('detail.overdueBy'), available: true },
      { keys: theme.glyphs.flagged, label: t('field.flagged'), available: true },
    ],
  };
}
