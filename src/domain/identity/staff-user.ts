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
}
