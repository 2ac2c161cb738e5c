export type SubjectKind = 'staff' | 'patient';

/** One signed-in device: the hash of its refresh token, revocable at logout or deactivation. */
export class RefreshSession {
  id!: number;
  subjectKind!: SubjectKind;
  subjectId!: number;
  tokenHash!: string;
  expiresAt!: Date;
  revokedAt!: Date | null;
  createdAt!: Date;

  private constructor() {}

  static open(subjectKind: SubjectKind, subjectId: number, tokenHash: string, expiresAt: Date, now: Date) {
    const session = new RefreshSession();
    session.subjectKind = subjectKind;
    session.subjectId = subjectId;
    session.tokenHash = tokenHash;
    session.expiresAt = expiresAt;
    session.revokedAt = null;
    session.createdAt = now;
    return session;
  }

  isLive(now: Date): boolean {
    return this.revokedAt === null && now.getTime() < this.expiresAt.getTime();
  }

  revoke(now: Date): void {
    if (this.revokedAt === null) this.revokedAt = now;
  }
}
