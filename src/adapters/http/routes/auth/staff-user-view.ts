import { roleName } from '../../../../domain/identity/role.js';
import type { StaffUser } from '../../../../domain/identity/staff-user.js';

export function staffUserView(user: StaffUser) {
  return {
    id: user.id,
    fullName: user.fullName,
    phone: user.phone,
    email: user.email,
    roleId: user.roleId,
    roleName: roleName(user.roleId),
    isActive: user.canLogIn(),
  };
}
