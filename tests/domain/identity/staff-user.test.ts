import { describe, expect, it } from 'vitest';
import { Roles } from '../../../src/domain/identity/role.js';
import { StaffUser } from '../../../src/domain/identity/staff-user.js';

const t0 = new Date('2026-01-01T10:00:00Z');
const t1 = new Date('2026-01-02T10:00:00Z');
const t2 = new Date('2026-01-03T10:00:00Z');
const register = () =>
  StaffUser.register(
    {
      fullName: 'Asha Rao',
      phone: '+919876543210',
      email: 'asha@example.com',
      username: 'asha',
      passwordHash: 'hash',
      roleId: Roles.FRONT_DESK,
      centreId: 1,
    },
    t0,
  );

describe('StaffUser', () => {
  it('revise changes only the details given, null included', () => {
    const user = register();
    user.revise({ fullName: 'Asha R.', email: null, roleId: Roles.CARE_COORDINATOR }, t1);
    expect(user).toMatchObject({
      fullName: 'Asha R.',
      email: null,
      roleId: Roles.CARE_COORDINATOR,
      phone: '+919876543210',
      username: 'asha',
      passwordHash: 'hash',
      centreId: 1,
      updatedAt: t1,
    });
  });

  it('revise ignores keys that are not account details', () => {
    const user = register();
    user.revise({ isActive: false, deletedAt: t1 } as never, t1);
    expect(user.canLogIn()).toBe(true);
  });

  it('an inactive or deleted account cannot log in; deleting twice keeps the first time', () => {
    const user = register();
    user.setActive(false, t1);
    expect(user.canLogIn()).toBe(false);
    user.setActive(true, t1);
    expect(user.canLogIn()).toBe(true);
    user.softDelete(t1);
    user.softDelete(t2);
    expect(user).toMatchObject({ deletedAt: t1, isActive: false });
    user.setActive(true, t2);
    expect(user.canLogIn()).toBe(false);
  });
});
