import type { SubjectKind } from '../../../domain/identity/refresh-session.js';
import { UnauthorizedError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type {
  PatientRepository,
  RefreshSessionRepository,
  StaffUserRepository,
} from '../ports/identity-repositories.js';
import type { TokenService } from '../ports/token-service.js';

export interface RefreshAccess {
  refreshToken: string;
}

/** A live, unrevoked refresh session of an account that may still log in gets a new access token. */
export class RefreshAccessHandler {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: RefreshSessionRepository,
    private readonly staff: StaffUserRepository,
    private readonly patients: PatientRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: RefreshAccess, kind: SubjectKind): Promise<{ accessToken: string }> {
    const subject = await this.tokens.verifyRefresh(input.refreshToken, kind);
    const session = await this.sessions.findByTokenHash(subject.tokenHash);
    if (!session || !session.isLive(this.clock.now()) || session.subjectId !== subject.id) {
      throw new UnauthorizedError('INVALID_TOKEN', 'Invalid or revoked refresh token');
    }
    if (!(await this.accountMayContinue(kind, subject.id))) {
      throw new UnauthorizedError('INVALID_TOKEN', 'Invalid or revoked refresh token');
    }
    return { accessToken: await this.tokens.issueAccess({ kind, id: subject.id }) };
  }

  private async accountMayContinue(kind: SubjectKind, id: number): Promise<boolean> {
    if (kind === 'staff') return (await this.staff.findById(id))?.canLogIn() ?? false;
    return (await this.patients.findById(id)) !== null;
  }
}
