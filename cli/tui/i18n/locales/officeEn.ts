/**
 * The English labels of the office's own console actions (a due date fixed, a finding
 * opened by hand, a chain started from its input form, a schedule paused or resumed),
 * added to namespace `tui` beside `en.ts`. Keys are shared with `officeZhCN.ts`.
 */
export const officeEn = {
  hint: {
    newFinding: 'open finding',
    startChain: 'start chain',
    pauseSchedule: 'pause/resume',
  },
  action: {
    setDue: 'fix due date',
    newFinding: 'open a finding',
    startChain: 'start a chain',
    pauseSchedule: 'pause / resume schedule',
    notAllowedHere: 'your role may not {{action}}',
    noChains: 'there is no chain you may start',
  },
  prompt: {
    setDueAt: 'New due date (YYYY-MM-DD, or YYYY-MM-DD HH:mm, {{zone}})',
    setDueReason: 'Reason for the new due date',
    chooseChain: 'Start which chain',
    chainHint: 'type to filter · ↑↓ choose · Enter fill its input · Esc cancel',
  },
  verb: {
    setDue: 'Fix the due date of',
    setDueDone: 'due date fixed',
  },
  key: {
    setDue: 'fix the due date: day, reason (asks y/N)',
    newFinding: 'open a finding by hand: a form',
    startChain: 'start an inspection or any chain: choose it, fill its input',
    pauseSchedule: 'pause or resume the schedule',
  },
  start: {
    findingTitle: 'Open a finding',
    chainTitle: 'Start {{chain}} · its input',
    formOpen: 'a form is open: submit it (ctrl-s) or leave it (Esc) first',
    findingOpened: 'opened {{id}}',
    chainStarted: 'started {{chain}}: {{id}}',
  },
  schedule: {
    none: 'no schedule selected',
    paused: '{{name}} paused',
    resumed: '{{name}} resumed',
  },
} as const;
