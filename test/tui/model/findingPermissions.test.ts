import { describe, expect, it } from 'vitest';
import type { Person } from '../../../core/index.js';
import { actionAvailability } from '../../../cli/tui/model/findingPermissions.js';

const person = (roles: string[], departmentId: string | null = null, active = true): Person => ({ id: 'p', nameZh: '某', nameEn: 'P', title: null, departmentId, roles, active });
const line = ['CT', 'MT'];

describe('actionAvailability, read from the finding chain', () => {
  it('lets the office do everything its step accepts', () => {
    const office = person(['office'], 'QC');
    for (const action of ['escalate', 'assign', 'note'] as const) expect(actionAvailability(action, { status: 'open' }, line, office)).toEqual({ ok: true });
    expect(actionAvailability('close', { status: 'awaiting_verification' }, line, office)).toEqual({ ok: true });
  });

  it('refuses what the step does not accept, whoever asks', () => {
    expect(actionAvailability('close', { status: 'open' }, line, person(['office']))).toEqual({ ok: false, why: 'wrongStep' });
    expect(actionAvailability('escalate', { status: 'closed' }, line, person(['office']))).toEqual({ ok: false, why: 'wrongStep' });
  });

  it('lets a head note findings of their department or one below it, and nothing else', () => {
    expect(actionAvailability('note', { status: 'open' }, line, person(['head'], 'CT'))).toEqual({ ok: true });
    expect(actionAvailability('note', { status: 'open' }, line, person(['head'], 'MT'))).toEqual({ ok: true });
    expect(actionAvailability('note', { status: 'open' }, line, person(['head'], 'US'))).toEqual({ ok: false, why: 'notAllowed' });
    expect(actionAvailability('escalate', { status: 'open' }, line, person(['head'], 'CT'))).toEqual({ ok: false, why: 'notAllowed' });
    expect(actionAvailability('close', { status: 'awaiting_verification' }, line, person(['head'], 'CT'))).toEqual({ ok: false, why: 'notAllowed' });
  });

  it('refuses inspectors, viewers, unknown and inactive people', () => {
    expect(actionAvailability('note', { status: 'open' }, line, person(['inspector']))).toEqual({ ok: false, why: 'notAllowed' });
    expect(actionAvailability('note', { status: 'open' }, line, person(['viewer']))).toEqual({ ok: false, why: 'notAllowed' });
    expect(actionAvailability('note', { status: 'open' }, line, undefined)).toEqual({ ok: false, why: 'unknownPerson' });
    expect(actionAvailability('note', { status: 'open' }, line, person(['office'], 'QC', false))).toEqual({ ok: false, why: 'unknownPerson' });
  });
});
