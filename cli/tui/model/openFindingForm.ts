import { findingChain } from '../../../core/kernel/findingChain.js';
import type { FormSpec } from '../../../core/kernel/formFields.js';

/** The parts of a finding a person gives when opening one, as `duban findings open` takes them. */
const GIVEN = ['department', 'subjectKind', 'subject', 'category', 'severity', 'title', 'titleEn', 'description', 'escalateNow'] as const;

/**
 * The form of a finding opened by hand: the finding chain's own input fields that a
 * person gives (one source of their labels, choices and rules); the rest (id, level,
 * assignee, due date) FindingService works out.
 */
export const OPEN_FINDING_FORM: FormSpec = Object.fromEntries(GIVEN.map((key) => [key, findingChain.input[key]])) as FormSpec;
