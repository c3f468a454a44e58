/** English texts of the quality-office plugin. Keys are shared with `zh-CN.ts` (its type enforces it). */
export const en = {
  'plugin.title': 'Quality office',
  'plugin.description': 'Spot checks, corrective meetings and training sessions of the quality office',
  'department.QC': 'Quality office',

  'field.note': 'Note',
  'field.person': 'Person',
  'list.duplicate': '"{value}" is already listed at {path}',

  'meeting.minutes.title': 'Minutes of the corrective meeting',
  'meeting.minutes.heldAt': 'Held at',
  'meeting.minutes.place': 'Place',
  'meeting.minutes.chair': 'Chaired by',
  'meeting.minutes.attendees': 'Attendees',
  'meeting.minutes.statements': 'Statements of the people concerned',
  'meeting.minutes.statement.kind': 'Kind',
  'meeting.minutes.statement.text': 'Statement',
  'meeting.minutes.rootCause': 'Root cause',
  'meeting.minutes.decisions': 'Decisions',
  'meeting.minutes.decision': 'Decision',
  'meeting.minutes.notAttending': '"{person}" made a statement but is not among the attendees',
  'statement.kind.statement': 'Statement',
  'statement.kind.self-criticism': 'Self-criticism',

  'actions.title': 'Corrective actions',
  'actions.actions': 'Actions',
  'actions.id': 'Number',
  'actions.action': 'Action',
  'actions.owner': 'Owner',
  'actions.due': 'Due date',
  'actions.trackingDue': 'All actions done by',
  'actions.afterTrackingDue': 'due {due}, after the tracking deadline {deadline}',

  'actionDone.title': 'Mark a corrective action done',
  'actionDone.actionId': 'Action number',
  'actionDone.evidence': 'Evidence of what was done',
  'actionDone.notOpen': 'no open action numbered "{id}"; open: {open}',

  'verification.title': 'Verification by the quality office',
  'verification.checkAfter': 'Check effectiveness after (ISO 8601, e.g. P30D)',
  'verification.badDuration': '"{value}" is not an ISO 8601 duration such as P30D',

  'effectiveness.title': 'Effectiveness check',
  'effectiveness.effective': 'Effective',
  'effectiveness.furtherActions': 'Further corrective actions',
  'effectiveness.needActions': 'not effective: give the further corrective actions',
  'effectiveness.noActions': 'effective: further actions are given only when not effective',

  'training.kind.pre-job': 'Pre-job training',
  'training.kind.law-and-regulation': 'Law and regulation',
  'training.kind.technical': 'Technical training',
  'training.kind.procedure-workshop': 'Procedure workshop',

  'plan.title': 'Training plan',
  'plan.topic': 'Topic',
  'plan.kind': 'Kind',
  'plan.trainer': 'Trainer',
  'plan.audience': 'Audience (departments)',
  'plan.department': 'Department',
  'plan.plannedDate': 'Planned date',
  'plan.yearlyTarget': 'Yearly target of people trained',
  'plan.passMark': 'Pass mark (default 60)',

  'attendance.title': 'Sign-in attendance',
  'attendance.heldOn': 'Held on',
  'attendance.expected': 'Expected to attend',
  'attendance.present': 'Present (signed in)',
  'attendance.notExpected': '"{person}" signed in but is not on the expected list',

  'scores.title': 'Assessment scores',
  'scores.scores': 'Scores',
  'scores.score': 'Score',
  'scores.notPresent': '"{person}" was not signed in as present',

  'makeUp.compute.title': 'Work out the make-up tasks',
  'makeUp.results.title': 'Make-up results',
  'makeUp.results.results': 'Results',
  'makeUp.results.attended': 'Attended the make-up',
  'makeUp.results.notOnList': '"{person}" has no make-up task',
  'makeUp.results.missing': 'no result for "{person}": every make-up task needs one',
  'makeUp.results.needScore': 'attended the make-up: give the score',
  'makeUp.reason.absent': 'Absent',
  'makeUp.reason.failed': 'Failed the assessment',
  'makeUp.reason.not-assessed': 'Not assessed',

  'archive.title': 'Archive the session',

  'figures.sessionsHeld': 'Sessions held against plan',
  'figures.attendance': 'Attendance rate',
  'figures.passRate': 'Pass rate',
  'figures.peopleTrained': 'People trained against the yearly target',
  'figures.personTimes': 'Person-times trained',
} as const;

/** A key of the quality-office plugin's texts. */
export type MessageKey = keyof typeof en;
