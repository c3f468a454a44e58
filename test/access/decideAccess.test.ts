import { describe, expect, it } from 'vitest';
import { decideAccess, type AccessFacts } from '../../core/access/decideAccess.js';
import { personActor, systemActor, toActor } from '../../core/actor/Actor.js';
import type { Person } from '../../core/org/OrgDirectory.js';

const parents = new Map<string, string | null>([
  ['TB', null],
  ['TBL', 'TB'],
  ['CL-01', 'TB'],
  ['CL-01-A', 'CL-01'],
  ['QC', null],
]);
const line = (id: string) => {
  const out: string[] = [];
  for (let at: string | null | undefined = id; at && !out.includes(at); at = parents.get(at)) out.push(at);
  return out;
};
const person = (id: string, roles: string[], departmentId: string | null, active = true): Person => ({ id, nameZh: id, nameEn: id, title: null, departmentId, roles, active });
const PEOPLE = {
  ump: person('ump', ['umpire'], 'TBL'),
  both: person('both', ['controller', 'umpire'], 'TBL'),
  labHead: person('labHead', ['head', 'umpire'], 'CL-01'),
  subLab: person('subLab', ['umpire'], 'CL-01-A'),
  office: person('office', ['office'], 'QC'),
  retired: person('retired', ['office'], 'QC', false),
};
const context = { input: { department: 'CL-01' }, data: { readBy: 'both', owner: 'office' }, breaches: [] };

function decide(who: keyof typeof PEOPLE | string, rule: AccessFacts['rule'], extra: Partial<AccessFacts> = {}) {
  const actor = toActor(who);
  return decideAccess({
    actor,
    person: PEOPLE[who as keyof typeof PEOPLE],
    orgKnown: true,
    rule,
    scope: { context, event: { data: {} } },
    department: 'CL-01',
    departmentLine: line,
    what: 'SUBMIT',
    ...extra,
  });
}

const umpireRule = { roles: ['umpire'], notOf: '$context.input.department', notActor: '$context.data.readBy' } as const;

describe('decideAccess', () => {
  it('lets the engine’s own actors through, and refuses any person who names itself as one', () => {
    expect(decideAccess({ actor: systemActor('timer'), person: undefined, orgKnown: true, rule: {}, scope: { context, event: {} }, department: null, departmentLine: line, what: 'x' }).allowed).toBe(true);
    for (const forged of ['system', 'system:timer', 'System:x', { kind: 'system', id: 'system:timer' } as const]) {
      const decision = decideAccess({ actor: toActor(forged), person: PEOPLE.office, orgKnown: true, rule: { anyone: true }, scope: { context, event: {} }, department: null, departmentLine: line, what: 'x' });
      expect(decision).toMatchObject({ allowed: false, code: 'NOT_ALLOWED' });
    }
  });

  it('is default-deny: a rule without an allow clause lets nobody through', () => {
    expect(decide('office', {})).toMatchObject({ allowed: false, code: 'NOT_ALLOWED' });
    expect(decide('office', { notOf: 'CL-01' })).toMatchObject({ allowed: false, code: 'NOT_ALLOWED' });
  });

  it('refuses unknown and inactive people; before an org exists only `anyone` rules are open', () => {
    expect(decide('ghost', { anyone: true })).toMatchObject({ allowed: false, code: 'UNKNOWN_PERSON' });
    expect(decide('retired', { roles: ['office'] })).toMatchObject({ allowed: false, code: 'NOT_ALLOWED' });
    expect(decide('ghost', { anyone: true }, { orgKnown: false }).allowed).toBe(true);
    expect(decide('ghost', { roles: ['office'] }, { orgKnown: false })).toMatchObject({ allowed: false, code: 'UNKNOWN_PERSON', reason: expect.stringMatching(/no org is imported yet/) });
  });

  it('the umpire is a third reader: an umpire of neither the lab nor the first reading', () => {
    expect(decide('ump', umpireRule).allowed).toBe(true);
    expect(decide('both', umpireRule)).toMatchObject({ allowed: false, reason: expect.stringMatching(/already took part/) });
    expect(decide('labHead', umpireRule)).toMatchObject({ allowed: false, reason: expect.stringMatching(/is of CL-01/) });
    // A department below the lab is of the lab.
    expect(decide('subLab', umpireRule).allowed).toBe(false);
  });

  it('head counts only within the department’s line; assignee and actorIs name people', () => {
    expect(decide('labHead', { roles: ['head'] }).allowed).toBe(true);
    expect(decide('labHead', { roles: ['head'] }, { department: 'TBL' }).allowed).toBe(false);
    expect(decide('office', { actorIs: '$context.data.owner' }).allowed).toBe(true);
    expect(decide('ump', { actorIs: ['$context.data.owner', '$context.data.readBy'] }).allowed).toBe(false);
    expect(decide('ump', { assignee: true }, { assignee: { person: 'ump', role: null } }).allowed).toBe(true);
    expect(decide('ump', { assignee: true }, { assignee: { person: null, role: 'umpire' } }).allowed).toBe(true);
    expect(decide('office', { assignee: true }, { assignee: { person: null, role: 'umpire' } })).toMatchObject({ allowed: false, needs: ['the assignee'] });
    expect(decide('both', { roles: ['controller'] }, { actor: personActor('both', 'office') }).allowed).toBe(true);
  });
});
