import type { SubjectKind } from '../../../domain/identity/refresh-session.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { RefreshSessionRepository } from '../ports/identity-repositories.js';
import type { TokenService } from '../ports/token-service.js';

export interface LogOut {
  refreshToken: string;
}

/**
 * Revokes the session of a refresh token. Staff logout also carries an access token: a refresh
 * token of another account is then left alone. Logging out twice is harmless.
 */
export class LogOutHandler {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: RefreshSessionRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: LogOut, kind: SubjectKind, callerId?: number): Promise<void> {
    const subject = await this.tokens.verifyRefresh(input.refreshToken, kind);
    if (callerId !== undefined && subject.id !== callerId) return;
    await this.uow.run(async () => {
      const session = await this.sessions.findByTokenHash(subject.tokenHash);
      session?.revoke(this.clock.now());
    });
  }
}
