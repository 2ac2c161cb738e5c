import type { StaffRoleId } from './role.js';

export interface NewStaffUser {
  fullName: string;
  phone: string;
  email: string | null;
  username: string | null;
  passwordHash: string | null;
  roleId: StaffRoleId;
  centreId: number | null;
}

/** A member of the clinic's staff who logs in to the staff apps. */
export class StaffUser {
  id!: number;
  fullName!: string;
  phone!: string;
  email!: string | null;
  username!: string | null;
  passwordHash!: string | null;
  roleId!: StaffRoleId;
  centreId!: number | null;
  isActive!: boolean;
  deletedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;

  private constructor() {}

  static register(input: NewStaffUser, now: Date): StaffUser {
    const user = new StaffUser();
    Object.assign(user, input);
    user.isActive = true;
    user.deletedAt = null;
    user.createdAt = now;
    user.updatedAt = now;
    return user;
  }

  /** Inactive and deleted accounts cannot log in or keep using their tokens. */
  canLogIn(): boolean {
    return this.isActive && this.deletedAt === null;
  }

  /** Changes only the details given (the password arrives hashed); who may change what is decided by staff-permissions. */
  revise(changes: Partial<NewStaffUser>, now: Date): void {
    for (const key of STAFF_DETAIL_KEYS) {
      const value = changes[key];
      if (value !== undefined) (this as NewStaffUser)[key] = value as never;
    }
    this.updatedAt = now;
  }

  setActive(active: boolean, now: Date): void {
    this.isActive = active;
    this.updatedAt = now;
  }

  /** The row stays (appointments and audit refer to it); deleting twice keeps the first time. */
  softDelete(now: Date): void {
    if (this.deletedAt !== null) return;
    this.deletedAt = now;
    this.isActive = false;
    this.updatedAt = now;
  }
}

const STAFF_DETAIL_KEYS = [
  'fullName',
  'phone',
  'email',
  'username',
  'passwordHash',
  'roleId',
  'centreId',
] as const satisfies ReadonlyArray<keyof NewStaffUser>;
