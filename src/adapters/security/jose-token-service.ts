import { createHash, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type {
  IssuedRefreshToken,
  TokenService,
  TokenSubject,
} from '../../application/identity/ports/token-service.js';
import { UnauthorizedError } from '../../application/shared/app-errors.js';
import type { Clock } from '../../application/shared/ports/clock.js';
import type { SubjectKind } from '../../domain/identity/refresh-session.js';

export interface TokenSettings {
  accessSecret: string;
  refreshSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

const ISSUER = 'mibo';
const ALGORITHM = 'HS256';
/** Staff and patient tokens never verify for each other's audience. */
const AUDIENCE: Record<SubjectKind, string> = { staff: 'mibo-staff', patient: 'mibo-patient' };
const KIND_BY_AUDIENCE = new Map(Object.entries(AUDIENCE).map(([kind, aud]) => [aud, kind as SubjectKind]));

/** HS256 only (no `alg: none`, no key confusion); issuer, audience, `exp` and token type always checked. */
export class JoseTokenService implements TokenService {
  private readonly accessKey: Uint8Array;
  private readonly refreshKey: Uint8Array;

  constructor(
    private readonly settings: TokenSettings,
    private readonly clock: Clock,
  ) {
    this.accessKey = new TextEncoder().encode(settings.accessSecret);
    this.refreshKey = new TextEncoder().encode(settings.refreshSecret);
  }

  issueAccess(subject: TokenSubject): Promise<string> {
    return this.sign(subject, 'access', this.settings.accessTtlSeconds, this.accessKey);
  }

  async issueRefresh(subject: TokenSubject): Promise<IssuedRefreshToken> {
    const token = await this.sign(subject, 'refresh', this.settings.refreshTtlSeconds, this.refreshKey);
    const expiresAt = new Date(this.clock.now().getTime() + this.settings.refreshTtlSeconds * 1000);
    return { token, tokenHash: this.hashRefresh(token), expiresAt };
  }

  async verifyAccess(token: string): Promise<TokenSubject> {
    const payload = await this.check(token, this.accessKey, 'access', [AUDIENCE.staff, AUDIENCE.patient]);
    const kind = KIND_BY_AUDIENCE.get(String(payload.aud));
    if (!kind) throw invalid();
    return { kind, id: payload.id };
  }

  async verifyRefresh(token: string, kind: SubjectKind): Promise<TokenSubject & { tokenHash: string }> {
    const payload = await this.check(token, this.refreshKey, 'refresh', [AUDIENCE[kind]]);
    return { kind, id: payload.id, tokenHash: this.hashRefresh(token) };
  }

  hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  private sign(subject: TokenSubject, type: string, ttlSeconds: number, key: Uint8Array): Promise<string> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ typ: type })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE[subject.kind])
      .setSubject(String(subject.id))
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .setJti(randomUUID())
      .sign(key);
  }

  private async check(token: string, key: Uint8Array, type: string, audience: string[]) {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience,
        requiredClaims: ['exp', 'sub', 'aud'],
        currentDate: this.clock.now(),
      });
      const id = Number(payload.sub);
      if (payload.typ !== type || !Number.isSafeInteger(id) || id <= 0) throw invalid();
      return { ...payload, id };
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new UnauthorizedError('TOKEN_EXPIRED', 'Token has expired');
      throw invalid();
    }
  }
}

function invalid(): UnauthorizedError {
  return new UnauthorizedError('INVALID_TOKEN', 'Invalid or malformed token');
}
