/** Slow, salted hashing for passwords and OTPs (argon2id in the adapter). */
export interface SecretHasher {
  hash(secret: string): Promise<string>;
  verify(hash: string, secret: string): Promise<boolean>;
  /** Costs the same as a failed `verify`, for accounts that do not exist (no timing oracle). */
  verifyNothing(secret: string): Promise<false>;
}

export interface OtpGenerator {
  /** A fresh 6-digit code from a secure random source. */
  generate(): string;
}
