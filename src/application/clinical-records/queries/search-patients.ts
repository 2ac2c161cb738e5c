import { PhoneNumber } from '../../../domain/shared/phone-number.js';
import type { Page } from '../../shared/page.js';
import type { PatientRecordReads, PatientSummary, PhoneQuery } from '../ports/patient-record-reads.js';

export interface SearchPatients {
  search?: string | undefined;
  phone?: string | undefined;
  page: number;
  limit: number;
}

/**
 * The staff's patient search. Patients belong to no centre: the front desk of any centre must find a
 * walk-in by phone before their first appointment there.
 */
export class SearchPatientsHandler {
  constructor(private readonly reads: PatientRecordReads) {}

  execute(input: SearchPatients): Promise<Page<PatientSummary>> {
    const name = input.search?.trim();
    return this.reads.search({
      name: name ? name : undefined,
      phone: input.phone === undefined ? undefined : phoneQuery(input.phone),
      page: input.page,
      limit: input.limit,
    });
  }
}

/**
 * A whole number in any common Indian format matches exactly; anything shorter matches the digits
 * typed anywhere in the number (a leading trunk 0 dropped, as nobody stores it).
 */
export function phoneQuery(raw: string): PhoneQuery {
  const e164 = PhoneNumber.normalise(raw);
  if (e164 !== undefined) return { kind: 'exact', e164 };
  return { kind: 'digits', digits: raw.replace(/\D/g, '').replace(/^0+/, '') };
}
