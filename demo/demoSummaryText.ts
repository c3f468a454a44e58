import type { Language } from '../core/index.js';
import { cliText } from '../cli/i18n/cliText.js';
import type { DemoSummary } from './DemoSummary.js';

// The demo's chains, counted with their own nouns (`demo.chain.<id>`); any other by its id.
const COUNTED_CHAINS = ['discipline-check', 'duty-post-inspection', 'sputum-slide-qc', 'training-session', 'corrective-meeting'] as const;
type CountedChain = (typeof COUNTED_CHAINS)[number];

/**
 * The few lines `duban demo` prints when it is done, in the user's language: where the
 * hospital is, what it holds, and how to look at it. Texts: `demo.*` of the `cli` namespace.
 */
export function demoSummaryText(summary: DemoSummary, lang: Language): string[] {
  const t = cliText.inLanguage(lang);
  const f = summary.findings;
  const db = /\s/.test(summary.database) ? `"${summary.database}"` : summary.database;
  const chains = Object.entries(summary.instances).map(([chain, n]) => {
    const count = n.active + n.done;
    const text = COUNTED_CHAINS.includes(chain as CountedChain) ? t(`demo.chain.${chain as CountedChain}`, { count }) : t('demo.otherChain', { chain, count });
    return n.active ? t('demo.chainActive', { chain: text, active: n.active }) : text;
  });
  return [
    t('demo.ready', { database: summary.database, seconds: summary.seconds }),
    t('demo.org', {
      departments: t('demo.departments', { count: summary.departments }),
      people: t('demo.people', { count: summary.people }),
      posts: t('demo.posts', { count: summary.posts }),
      schedules: t('demo.schedules', { count: summary.schedules }),
    }),
    t('demo.history', { from: summary.from.slice(0, 10), to: summary.to.slice(0, 10), seed: summary.seed, chains: chains.join(t('demo.chainSeparator')) }),
    t('demo.findings', {
      findings: t('demo.findingCount', { count: f.total }),
      open: f.byStatus.open,
      acknowledged: f.byStatus.acknowledged,
      planned: f.byStatus.action_planned,
      awaiting: f.byStatus.awaiting_verification,
      closed: f.byStatus.closed,
    }),
    t('demo.overdue', { overdue: f.overdue, departments: t('demo.overdueDepartments', { count: f.overdueDepartments }), escalated: f.escalated, level3: f.level3, flagged: f.flagged, reopened: f.reopened }),
    t('demo.look', { db }),
  ];
}
