import { hash, verify } from '@node-rs/argon2';
import type { SecretHasher } from '../../application/identity/ports/secret-hasher.js';

/** argon2id with OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1). Algorithm 2 = Argon2id. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class Argon2SecretHasher implements SecretHasher {
  private decoy: Promise<string> | undefined;

  hash(secret: string): Promise<string> {
    return hash(secret, OPTIONS);
  }

  async verify(hashed: string, secret: string): Promise<boolean> {
    try {
      return await verify(hashed, secret);
    } catch {
      return false;
    }
  }

  async verifyNothing(secret: string): Promise<false> {
    this.decoy ??= hash('decoy-for-unknown-accounts', OPTIONS);
    await this.verify(await this.decoy, secret);
    return false;
  }
}
