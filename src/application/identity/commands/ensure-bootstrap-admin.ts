import { Roles } from '../../../domain/identity/role.js';
import { StaffUser } from '../../../domain/identity/staff-user.js';
import { PhoneNumber } from '../../../domain/shared/phone-number.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { StaffUserRepository } from '../ports/identity-repositories.js';
import type { SecretHasher } from '../ports/secret-hasher.js';

export interface EnsureBootstrapAdmin {
  username: string;
  password: string;
  phone: string;
  fullName: string;
}

/** Creates the first ADMIN from configuration when none exists; never touches an existing one. */
export class EnsureBootstrapAdminHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly hasher: SecretHasher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: EnsureBootstrapAdmin): Promise<'created' | 'exists'> {
    if (await this.staff.anyWithRole(Roles.ADMIN)) return 'exists';
    const passwordHash = await this.hasher.hash(input.password);
    const phone = PhoneNumber.parse(input.phone, 'BOOTSTRAP_ADMIN_PHONE').e164;
    await this.uow.run(async () => {
      const admin = StaffUser.register(
        {
          fullName: input.fullName,
          phone,
          email: null,
          username: input.username.trim().toLowerCase(),
          passwordHash,
          roleId: Roles.ADMIN,
          centreId: null,
        },
        this.clock.now(),
      );
      await this.staff.add(admin);
    });
    return 'created';
  }
}
