import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/application/shared/actor.js';
import { UnauthorizedError } from '../../../src/application/shared/app-errors.js';
import { Roles, STAFF_ROLE_NAMES, type StaffRoleName } from '../../../src/domain/identity/role.js';
import type { Access } from '../../../src/adapters/http/endpoint.js';
import { actorFor } from '../../../src/adapters/http/middleware/authenticate.js';

const ctxWith = (authorization?: string) =>
  ({ get: (name: string) => (name === 'Authorization' ? (authorization ?? '') : '') }) as Context;
const staff = (role: StaffRoleName): Actor => ({
  kind: 'staff',
  userId: 1,
  roleId: Roles[role],
  centreId: null,
});
const patient: Actor = { kind: 'patient', patientId: 9 };
const as = (actor: Actor) => async () => actor;

const codeOf = async (access: Access, actor: Actor, header = 'Bearer t') =>
  actorFor(access, ctxWith(header), as(actor)).then(
    () => 'OK',
    (error: { code: string }) => error.code,
  );

describe('route access', () => {
  it('lets exactly the declared staff roles through', async () => {
    const access: Access = { kind: 'staff', roles: ['ADMIN', 'MANAGER'] };
    for (const role of STAFF_ROLE_NAMES) {
      expect(await codeOf(access, staff(role))).toBe(
        role === 'ADMIN' || role === 'MANAGER' ? 'OK' : 'FORBIDDEN',
      );
    }
    expect(await codeOf(access, patient)).toBe('FORBIDDEN');
  });

  it('patient routes take only patient tokens; any-staff routes only staff tokens', async () => {
    expect(await codeOf({ kind: 'patient' }, patient)).toBe('OK');
    expect(await codeOf({ kind: 'patient' }, staff('ADMIN'))).toBe('FORBIDDEN');
    expect(await codeOf({ kind: 'staff', roles: 'any' }, staff('FRONT_DESK'))).toBe('OK');
    expect(await codeOf({ kind: 'staff', roles: 'any' }, patient)).toBe('FORBIDDEN');
  });

  it('staff-or-patient routes take patients and the declared roles', async () => {
    const access: Access = { kind: 'staff-or-patient', roles: ['CLINICIAN'] };
    expect(await codeOf(access, patient)).toBe('OK');
    expect(await codeOf(access, staff('CLINICIAN'))).toBe('OK');
    expect(await codeOf(access, staff('FRONT_DESK'))).toBe('FORBIDDEN');
  });

  it('no token → UNAUTHORIZED, a malformed header → INVALID_TOKEN', async () => {
    expect(await codeOf({ kind: 'patient' }, patient, '')).toBe('UNAUTHORIZED');
    expect(await codeOf({ kind: 'patient' }, patient, 'Basic abc')).toBe('INVALID_TOKEN');
  });

  it('public routes read a valid token and ignore a bad one', async () => {
    await expect(actorFor({ kind: 'public' }, ctxWith('Bearer t'), as(patient))).resolves.toEqual(patient);
    const rejecting = async (): Promise<Actor> => {
      throw new UnauthorizedError('INVALID_TOKEN', 'bad');
    };
    await expect(actorFor({ kind: 'public' }, ctxWith('Bearer t'), rejecting)).resolves.toBeNull();
    await expect(actorFor({ kind: 'public' }, ctxWith(), rejecting)).resolves.toBeNull();
  });
});
