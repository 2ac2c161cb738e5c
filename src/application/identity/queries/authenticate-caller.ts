import type { Actor } from '../../shared/actor.js';
import { UnauthorizedError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { StaffRoleId } from '../../../domain/identity/role.js';
import type { PatientRepository, StaffUserRepository } from '../ports/identity-repositories.js';
import type { TokenService } from '../ports/token-service.js';

interface AccountState {
  active: boolean;
  roleId?: StaffRoleId;
  centreId?: number | null;
  checkedAt: number;
}

/**
 * Turns an access token into an Actor. Role, centre and whether the account may still act come from
 * the database, remembered for at most `recheckSeconds`: a deactivated account stops within that time
 * (the issue asks for within a minute) without a database read on every request.
 */
export class AuthenticateCallerHandler {
  private readonly states = new Map<string, AccountState>();

  constructor(
    private readonly tokens: TokenService,
    private readonly staff: StaffUserRepository,
    private readonly patients: PatientRepository,
    private readonly clock: Clock,
    private readonly recheckSeconds = 30,
  ) {}

  async execute(accessToken: string): Promise<Actor> {
    const subject = await this.tokens.verifyAccess(accessToken);
    const state = await this.stateOf(subject.kind, subject.id);
    if (!state.active) throw new UnauthorizedError('INVALID_TOKEN', 'This account can no longer sign in');
    if (subject.kind === 'patient') return { kind: 'patient', patientId: subject.id };
    return { kind: 'staff', userId: subject.id, roleId: state.roleId!, centreId: state.centreId ?? null };
  }

  /** Drops what is remembered of an account, e.g. right after it was deactivated in this process. */
  forget(kind: 'staff' | 'patient', id: number): void {
    this.states.delete(`${kind}:${id}`);
  }

  private async stateOf(kind: 'staff' | 'patient', id: number): Promise<AccountState> {
    const key = `${kind}:${id}`;
    const now = this.clock.now().getTime();
    const known = this.states.get(key);
    if (known && now - known.checkedAt < this.recheckSeconds * 1000) return known;
    const state = await this.load(kind, id, now);
    if (this.states.size > 50_000) this.states.clear();
    this.states.set(key, state);
    return state;
  }

  private async load(kind: 'staff' | 'patient', id: number, now: number): Promise<AccountState> {
    if (kind === 'patient') return { active: (await this.patients.findById(id)) !== null, checkedAt: now };
    const user = await this.staff.findById(id);
    if (!user) return { active: false, checkedAt: now };
    return { active: user.canLogIn(), roleId: user.roleId, centreId: user.centreId, checkedAt: now };
  }
}
