import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Roles, type StaffRoleId } from '../../../src/domain/identity/role.js';
import {
  staffActionRefusal,
  type StaffAction,
  type StaffMember,
} from '../../../src/domain/identity/staff-permissions.js';

const { ADMIN, MANAGER, CLINICIAN, CENTRE_MANAGER, CARE_COORDINATOR, FRONT_DESK } = Roles;
const roleArb = fc.constantFrom<StaffRoleId>(
  ADMIN,
  MANAGER,
  CLINICIAN,
  CENTRE_MANAGER,
  CARE_COORDINATOR,
  FRONT_DESK,
);
const memberArb = fc.record({ id: fc.integer({ min: 1, max: 5 }), roleId: roleArb });
const actionArb: fc.Arbitrary<StaffAction> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), roleId: roleArb }),
  fc.record(
    {
      kind: fc.constant('edit' as const),
      target: memberArb,
      newRoleId: roleArb,
      deactivates: fc.boolean(),
    },
    { requiredKeys: ['kind', 'target'] },
  ),
  fc.record({ kind: fc.constant('toggle' as const), target: memberArb, deactivates: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), target: memberArb }),
);
const SENIOR: readonly StaffRoleId[] = [Roles.ADMIN, Roles.MANAGER];
const allowed = (actor: StaffMember, action: StaffAction) => staffActionRefusal(actor, action) === null;

describe('who may create and change staff accounts', () => {
  it('nobody ever changes their own role, deactivates or deletes themselves', () => {
    fc.assert(
      fc.property(memberArb, actionArb, (actor, action) => {
        if (action.kind === 'create' || action.target.id !== actor.id) return;
        const self = { ...action, target: { id: actor.id, roleId: actor.roleId } } as StaffAction;
        const raises =
          self.kind === 'edit' && self.newRoleId !== undefined && self.newRoleId !== actor.roleId;
        const deactivates = (self.kind === 'edit' || self.kind === 'toggle') && self.deactivates === true;
        if (raises || deactivates || self.kind === 'delete') expect(allowed(actor, self)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('a MANAGER never creates, edits, toggles or deletes an ADMIN or MANAGER, nor gives either role', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), actionArb, (id, action) => {
        const manager = { id, roleId: MANAGER };
        const touchesSenior =
          (action.kind === 'create' && SENIOR.includes(action.roleId)) ||
          (action.kind !== 'create' && SENIOR.includes(action.target.roleId)) ||
          (action.kind === 'edit' &&
            action.newRoleId !== undefined &&
            action.newRoleId !== action.target.roleId &&
            SENIOR.includes(action.newRoleId));
        if (touchesSenior) expect(allowed(manager, action)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('only ADMIN and MANAGER manage staff at all', () => {
    fc.assert(
      fc.property(memberArb, actionArb, (actor, action) => {
        if (actor.roleId !== ADMIN && actor.roleId !== MANAGER) expect(allowed(actor, action)).toBe(false);
      }),
    );
  });

  it('an ADMIN may do anything to other accounts', () => {
    fc.assert(
      fc.property(actionArb, (action) => {
        const admin = { id: 99, roleId: ADMIN };
        expect(staffActionRefusal(admin, action)).toBeNull();
      }),
    );
  });

  it('a MANAGER manages front desk, coordinators, centre managers and clinician logins', () => {
    const manager = { id: 1, roleId: MANAGER };
    const desk = { id: 2, roleId: FRONT_DESK };
    expect(staffActionRefusal(manager, { kind: 'create', roleId: FRONT_DESK })).toBeNull();
    expect(staffActionRefusal(manager, { kind: 'toggle', target: desk, deactivates: true })).toBeNull();
    expect(
      staffActionRefusal(manager, { kind: 'edit', target: desk, newRoleId: CARE_COORDINATOR }),
    ).toBeNull();
    expect(
      staffActionRefusal(manager, {
        kind: 'toggle',
        target: { id: 3, roleId: CLINICIAN },
        deactivates: true,
      }),
    ).toBeNull();
    expect(staffActionRefusal(manager, { kind: 'create', roleId: MANAGER })).toMatch(/cannot create/);
    expect(staffActionRefusal(manager, { kind: 'edit', target: desk, newRoleId: ADMIN })).toMatch(
      /cannot give/,
    );
  });

  it("keeping one's own role, or re-activating oneself, is not a change", () => {
    const admin = { id: 1, roleId: ADMIN };
    expect(staffActionRefusal(admin, { kind: 'edit', target: admin, newRoleId: ADMIN })).toBeNull();
    expect(staffActionRefusal(admin, { kind: 'edit', target: admin, deactivates: false })).toBeNull();
    expect(staffActionRefusal(admin, { kind: 'edit', target: admin, newRoleId: FRONT_DESK })).toBe(
      'You cannot change your own role',
    );
    expect(staffActionRefusal(admin, { kind: 'toggle', target: admin, deactivates: true })).toBe(
      'You cannot deactivate your own account',
    );
  });
});
