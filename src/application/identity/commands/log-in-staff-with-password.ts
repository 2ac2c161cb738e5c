import type { StaffUser } from '../../../domain/identity/staff-user.js';
import { PhoneNumber } from '../../../domain/shared/phone-number.js';
import { InvalidCredentialsError } from '../../shared/app-errors.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { StaffUserRepository } from '../ports/identity-repositories.js';
import type { SecretHasher } from '../ports/secret-hasher.js';
import type { IssuedTokens, SessionIssuer } from '../session-issuer.js';

export type LogInStaffWithPassword = ({ phone: string } | { username: string }) & { password: string };

/** Wrong phone, username or password, or an inactive account: one answer, in about the same time. */
export class LogInStaffWithPasswordHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly hasher: SecretHasher,
    private readonly sessions: SessionIssuer,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: LogInStaffWithPassword): Promise<IssuedTokens & { user: StaffUser }> {
    const user = await this.find(input);
    const valid = user?.passwordHash
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verifyNothing(input.password);
    if (!user || !valid || !user.canLogIn()) throw new InvalidCredentialsError();
    return this.uow.run(async () => ({ user, ...(await this.sessions.open('staff', user.id)) }));
  }

  private async find(input: LogInStaffWithPassword): Promise<StaffUser | null> {
    if ('username' in input) return this.staff.findByUsername(input.username.trim().toLowerCase());
    const phone = PhoneNumber.normalise(input.phone);
    return phone === undefined ? null : this.staff.findByPhone(phone);
  }
}
