import { InvalidValueError } from '../shared/domain-error.js';
import { PhoneNumber } from '../shared/phone-number.js';
import { isValidTimeZone } from './time-zone.js';

export const DEFAULT_CENTRE_TIMEZONE = 'Asia/Kolkata';

export interface CentreDetails {
  name: string;
  city: string;
  address: string;
  phone: string | null;
  email: string | null;
  timezone: string;
}

export type NewCentre = Pick<CentreDetails, 'name' | 'city' | 'address'> &
  Partial<Pick<CentreDetails, 'phone' | 'email' | 'timezone'>>;

const LIMITS = { name: 200, city: 100, address: 500, email: 254 } as const;
// PostgreSQL refuses NUL in text, and a name or city is one line.
const LINE_BREAKING = /\p{Cc}/u;
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const E164 = /^\+[1-9]\d{7,14}$/;

/** A clinic location. Appointments keep pointing at it after it is deactivated or deleted. */
export class Centre {
  id!: number;
  name!: string;
  city!: string;
  address!: string;
  phone!: string | null;
  email!: string | null;
  /** IANA zone: slots and appointment times are laid out in the centre's local time. */
  timezone!: string;
  isActive!: boolean;
  deletedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;

  private constructor() {}

  static open(input: NewCentre, now: Date): Centre {
    const centre = new Centre();
    centre.name = line('name', input.name, LIMITS.name);
    centre.city = line('city', input.city, LIMITS.city);
    centre.address = address(input.address);
    centre.phone = centrePhone(input.phone ?? null);
    centre.email = email(input.email ?? null);
    centre.timezone = timeZone(input.timezone ?? DEFAULT_CENTRE_TIMEZONE);
    centre.isActive = true;
    centre.deletedAt = null;
    centre.createdAt = now;
    centre.updatedAt = now;
    return centre;
  }

  /** Changes only the fields given; every value is checked before any is applied. */
  update(changes: Partial<CentreDetails>, now: Date): void {
    const next: CentreDetails = {
      name: changes.name === undefined ? this.name : line('name', changes.name, LIMITS.name),
      city: changes.city === undefined ? this.city : line('city', changes.city, LIMITS.city),
      address: changes.address === undefined ? this.address : address(changes.address),
      phone: changes.phone === undefined ? this.phone : centrePhone(changes.phone),
      email: changes.email === undefined ? this.email : email(changes.email),
      timezone: changes.timezone === undefined ? this.timezone : timeZone(changes.timezone),
    };
    Object.assign(this, next);
    this.updatedAt = now;
  }

  toggleActive(now: Date): void {
    this.isActive = !this.isActive;
    this.updatedAt = now;
  }

  /** The row stays for the appointments and payments that refer to it; deleting twice keeps the first time. */
  softDelete(now: Date): void {
    if (this.deletedAt !== null) return;
    this.deletedAt = now;
    this.updatedAt = now;
  }

  isDeleted(): boolean {
    return this.deletedAt !== null;
  }

  /** An inactive or deleted centre takes no new bookings; its history stays. */
  acceptsBookings(): boolean {
    return this.isActive && this.deletedAt === null;
  }
}

/**
 * A centre's phone: a mobile in any form `PhoneNumber` accepts, or any number already in E.164
 * (centres often have landlines, such as the spec's `+912212345678`, which `PhoneNumber` refuses).
 */
export function normaliseCentrePhone(raw: string): string | undefined {
  const mobile = PhoneNumber.normalise(raw);
  if (mobile !== undefined) return mobile;
  const compact = raw.trim().replace(/[\s\-().]/g, '');
  return E164.test(compact) ? compact : undefined;
}

// Kept as given: ICU would turn `Asia/Kolkata` into its old link `Asia/Calcutta`.
function timeZone(raw: string): string {
  const zone = raw.trim();
  if (zone.length > 64 || !isValidTimeZone(zone)) {
    throw new InvalidValueError('timezone', 'Unknown time zone (use an IANA name)');
  }
  return zone;
}

function line(field: string, raw: string, max: number): string {
  const value = raw.trim();
  if (LINE_BREAKING.test(value)) throw new InvalidValueError(field, 'Must not contain control characters');
  return bounded(field, value, max);
}

function address(raw: string): string {
  const value = raw.trim();
  if (CONTROL.test(value)) throw new InvalidValueError('address', 'Must not contain control characters');
  return bounded('address', value, LIMITS.address);
}

function bounded(field: string, value: string, max: number): string {
  if (value.length === 0) throw new InvalidValueError(field, 'Must not be empty');
  if (value.length > max) throw new InvalidValueError(field, `Must be at most ${max} characters`);
  return value;
}

function centrePhone(raw: string | null): string | null {
  if (raw === null) return null;
  const phone = normaliseCentrePhone(raw);
  if (phone === undefined) throw new InvalidValueError('phone', 'Invalid phone number');
  return phone;
}

function email(raw: string | null): string | null {
  if (raw === null) return null;
  const value = raw.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || value.length > LIMITS.email) {
    throw new InvalidValueError('email', 'Invalid email');
  }
  return value;
}
