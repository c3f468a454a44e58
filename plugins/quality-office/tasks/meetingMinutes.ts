import type { FieldProblem, TaskTypeDefinition } from '../../../core/plugin/index.js';
import { duplicateProblems } from '../lib/duplicateProblems.js';
import { recordsOf, stringsOf } from '../lib/listValues.js';
import { both, say } from '../locales/text.js';

/** The kinds of statement at a corrective meeting; a self-criticism (检讨) for a duty-post absence. */
export const STATEMENT_KINDS = ['statement', 'self-criticism'] as const;

/**
 * The minutes of a corrective meeting (整改专题会议): when, who attended, what the people
 * concerned said (for a duty-post absence, the person's self-criticism), the root cause
 * and the decisions. Everyone who made a statement must be among the attendees.
 */
export const meetingMinutes: TaskTypeDefinition = {
  name: 'quality-office.meeting-minutes',
  title: both('meeting.minutes.title'),
  form: {
    heldAt: { type: 'datetime', required: true, label: both('meeting.minutes.heldAt') },
    place: { type: 'string', max: 200, label: both('meeting.minutes.place') },
    chair: { type: 'person', label: both('meeting.minutes.chair') },
    attendees: { type: 'list', required: true, min: 1, label: both('meeting.minutes.attendees'), of: { type: 'person', label: both('field.person') } },
    statements: {
      type: 'list',
      required: true,
      min: 1,
      label: both('meeting.minutes.statements'),
      items: {
        person: { type: 'person', required: true, label: both('field.person') },
        kind: {
          type: 'enum',
          required: true,
          label: both('meeting.minutes.statement.kind'),
          options: STATEMENT_KINDS.map((value) => ({ value, label: both(`statement.kind.${value}`) })),
        },
        text: { type: 'text', required: true, max: 8000, label: both('meeting.minutes.statement.text') },
      },
    },
    rootCause: { type: 'text', required: true, max: 8000, label: both('meeting.minutes.rootCause') },
    decisions: {
      type: 'list',
      required: true,
      min: 1,
      label: both('meeting.minutes.decisions'),
      of: { type: 'text', max: 4000, label: both('meeting.minutes.decision') },
    },
  },
  validate(data) {
    const attendees = Array.isArray(data.attendees) ? data.attendees : [];
    const present = new Set(stringsOf(attendees));
    const problems: FieldProblem[] = duplicateProblems(attendees, (i) => `attendees.${i}`);
    recordsOf(data.statements).forEach((s, i) => {
      if (typeof s.person === 'string' && !present.has(s.person)) {
        problems.push({ path: `statements.${i}.person`, message: say('en', 'meeting.minutes.notAttending', { person: s.person }) });
      }
    });
    return problems;
  },
};
