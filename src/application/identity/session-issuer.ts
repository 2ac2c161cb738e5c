import { RefreshSession, type SubjectKind } from '../../domain/identity/refresh-session.js';
import type { Clock } from '../shared/ports/clock.js';
import type { RefreshSessionRepository } from './ports/identity-repositories.js';
import type { TokenService } from './ports/token-service.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
}

/** Opens a refresh session (stored hashed) and signs the pair of tokens for it. */
export class SessionIssuer {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: RefreshSessionRepository,
    private readonly clock: Clock,
  ) {}

  async open(kind: SubjectKind, subjectId: number): Promise<IssuedTokens> {
    const subject = { kind, id: subjectId };
    const refresh = await this.tokens.issueRefresh(subject);
    await this.sessions.add(
      RefreshSession.open(kind, subjectId, refresh.tokenHash, refresh.expiresAt, this.clock.now()),
    );
    return { accessToken: await this.tokens.issueAccess(subject), refreshToken: refresh.token };
  }
}
