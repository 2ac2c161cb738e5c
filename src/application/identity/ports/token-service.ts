import type { SubjectKind } from '../../../domain/identity/refresh-session.js';

export interface TokenSubject {
  kind: SubjectKind;
  id: number;
}

export interface IssuedRefreshToken {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

/**
 * Signs and checks access and refresh tokens. Verification failures throw UnauthorizedError with
 * TOKEN_EXPIRED (expired) or INVALID_TOKEN (anything else).
 */
export interface TokenService {
  issueAccess(subject: TokenSubject): Promise<string>;
  issueRefresh(subject: TokenSubject): Promise<IssuedRefreshToken>;
  verifyAccess(token: string): Promise<TokenSubject>;
  verifyRefresh(token: string, kind: SubjectKind): Promise<TokenSubject & { tokenHash: string }>;
  hashRefresh(token: string): string;
}
