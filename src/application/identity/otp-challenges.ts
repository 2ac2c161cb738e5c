import type { OtpPurpose } from '../../domain/identity/one-time-code.js';
import { OneTimeCode, OtpInvalidError } from '../../domain/identity/one-time-code.js';
import { ConflictError } from '../shared/app-errors.js';
import type { Clock } from '../shared/ports/clock.js';
import type { UnitOfWork } from '../shared/ports/unit-of-work.js';
import type { OneTimeCodeRepository } from './ports/identity-repositories.js';
import type { OtpGenerator, SecretHasher } from './ports/secret-hasher.js';

/** Issues and redeems one-time codes; only their hashes are ever stored. */
export class OtpChallenges {
  constructor(
    private readonly codes: OneTimeCodeRepository,
    private readonly hasher: SecretHasher,
    private readonly generator: OtpGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Stores a new code for the phone, replacing any earlier one, and returns its text for sending. */
  async issue(purpose: OtpPurpose, phone: string, fullName: string | null = null): Promise<string> {
    const code = this.generator.generate();
    const codeHash = await this.hasher.hash(code);
    try {
      await this.store(purpose, phone, codeHash, fullName);
    } catch (error) {
      // Two first-ever requests for one phone raced to insert its row: the loser replaces the winner's code.
      if (!(error instanceof ConflictError)) throw error;
      await this.store(purpose, phone, codeHash, fullName);
    }
    return code;
  }

  private store(
    purpose: OtpPurpose,
    phone: string,
    codeHash: string,
    fullName: string | null,
  ): Promise<void> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const existing = await this.codes.findForUpdate(purpose, phone);
      if (existing) existing.reissue(codeHash, fullName, now);
      else await this.codes.add(OneTimeCode.issue(purpose, phone, codeHash, fullName, now));
    });
  }

  /**
   * Checks a code and, when it matches, runs `onValid` in the same transaction that consumes it.
   * A miss is committed (it counts towards burning the code) before its error is thrown.
   */
  async redeem<T>(
    purpose: OtpPurpose,
    phone: string,
    text: string,
    onValid: (code: OneTimeCode) => Promise<T>,
  ): Promise<T> {
    const outcome = await this.uow.run(
      async (): Promise<{ ok: true; value: T } | { ok: false; error: Error }> => {
        const code = await this.codes.findForUpdate(purpose, phone);
        if (!code) {
          await this.hasher.verifyNothing(text);
          return { ok: false, error: new OtpInvalidError() };
        }
        const now = this.clock.now();
        const matches = code.isUsable(now) && (await this.hasher.verify(code.codeHash, text));
        try {
          code.attempt(matches, now);
        } catch (error) {
          return { ok: false, error: error as Error };
        }
        return { ok: true, value: await onValid(code) };
      },
    );
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}
