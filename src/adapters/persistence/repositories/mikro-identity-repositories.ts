import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  OneTimeCodeRepository,
  PatientRepository,
  RefreshSessionRepository,
  StaffUserRepository,
} from '../../../application/identity/ports/identity-repositories.js';
import type { OneTimeCode, OtpPurpose } from '../../../domain/identity/one-time-code.js';
import type { Patient } from '../../../domain/identity/patient.js';
import type { RefreshSession, SubjectKind } from '../../../domain/identity/refresh-session.js';
import type { StaffRoleId } from '../../../domain/identity/role.js';
import type { StaffUser } from '../../../domain/identity/staff-user.js';
import {
  OneTimeCodeSchema,
  PatientSchema,
  RefreshSessionSchema,
  StaffUserSchema,
} from '../schemas/identity-schemas.js';

/** `add` flushes so the new row has its sequence id at once (inside the caller's transaction). */
async function persistNow(em: EntityManager, entity: object): Promise<void> {
  em.persist(entity);
  await em.flush();
}

export class MikroStaffUserRepository implements StaffUserRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: number): Promise<StaffUser | null> {
    return this.em.findOne(StaffUserSchema, { id });
  }

  findByPhone(phone: string): Promise<StaffUser | null> {
    return this.em.findOne(StaffUserSchema, { phone, deletedAt: null });
  }

  findByUsername(username: string): Promise<StaffUser | null> {
    return this.em.findOne(StaffUserSchema, {
      username: { $ilike: username.replace(/[\\%_]/g, '\\$&') },
      deletedAt: null,
    });
  }

  findByEmail(email: string): Promise<StaffUser | null> {
    return this.em.findOne(StaffUserSchema, {
      email: { $ilike: email.replace(/[\\%_]/g, '\\$&') },
      deletedAt: null,
    });
  }

  async anyWithRole(roleId: StaffRoleId): Promise<boolean> {
    return (await this.em.count(StaffUserSchema, { roleId, deletedAt: null })) > 0;
  }

  add(user: StaffUser): Promise<void> {
    return persistNow(this.em, user);
  }
}

export class MikroPatientRepository implements PatientRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: number): Promise<Patient | null> {
    return this.em.findOne(PatientSchema, { id });
  }

  findByPhone(phone: string): Promise<Patient | null> {
    return this.em.findOne(PatientSchema, { phone });
  }

  add(patient: Patient): Promise<void> {
    return persistNow(this.em, patient);
  }
}

export class MikroOneTimeCodeRepository implements OneTimeCodeRepository {
  constructor(private readonly em: EntityManager) {}

  findForUpdate(purpose: OtpPurpose, phone: string): Promise<OneTimeCode | null> {
    return this.em.findOne(
      OneTimeCodeSchema,
      { purpose, phone },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  add(code: OneTimeCode): Promise<void> {
    return persistNow(this.em, code);
  }
}

export class MikroRefreshSessionRepository implements RefreshSessionRepository {
  constructor(private readonly em: EntityManager) {}

  findByTokenHash(tokenHash: string): Promise<RefreshSession | null> {
    return this.em.findOne(RefreshSessionSchema, { tokenHash });
  }

  add(session: RefreshSession): Promise<void> {
    return persistNow(this.em, session);
  }

  async revokeAllOf(kind: SubjectKind, subjectId: number, now: Date): Promise<void> {
    await this.em.nativeUpdate(
      RefreshSessionSchema,
      { subjectKind: kind, subjectId, revokedAt: null },
      { revokedAt: now },
    );
  }
}
