import type { StaffUser } from '../../../domain/identity/staff-user.js';
import { ConflictError } from '../../shared/app-errors.js';
import type { StaffUserRepository } from '../ports/identity-repositories.js';

export interface ContactDetails {
  phone?: string;
  email?: string | null;
  username?: string | null;
}

/**
 * Phone, email and username each belong to one live account. Checked first for a clear answer
 * naming the field; the database's unique indexes stay the guard against two racing requests.
 */
export async function assertContactsFree(
  staff: StaffUserRepository,
  details: ContactDetails,
  self: StaffUser | null = null,
): Promise<void> {
  const taken: Record<string, string> = {};
  const other = (found: StaffUser | null) => found !== null && found.id !== self?.id;
  if (details.phone !== undefined && other(await staff.findByPhone(details.phone))) {
    taken.phone = 'Already in use';
  }
  if (details.email && other(await staff.findByEmail(details.email))) taken.email = 'Already in use';
  if (details.username && other(await staff.findByUsername(details.username))) {
    taken.username = 'Already in use';
  }
  const fields = Object.keys(taken);
  if (fields.length > 0) {
    throw new ConflictError(
      'DUPLICATE_ENTRY',
      `A staff user with this ${fields.join(', ')} already exists`,
      taken,
    );
  }
}
