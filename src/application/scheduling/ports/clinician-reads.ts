import type { Page } from '../../shared/page.js';

/** The read side of clinicians: SQL over clinicians and their staff accounts, shaped for the API. */
export interface ClinicianView {
  id: number;
  userId: number;
  fullName: string;
  primaryCentreId: number;
  specialization: string[];
  qualification: string[];
  yearsOfExperience: number;
  feePaise: number;
  languages: string[];
  profilePictureUrl: string | null;
  consultationMinutes: number;
  isActive: boolean;
  /** Only for staff who manage clinicians. */
  phone?: string;
  email?: string | null;
}

export interface ClinicianFilter {
  centreId?: number | undefined;
  specialization?: string | undefined;
  /** Also inactive clinicians (never deleted ones), with their contact details. */
  privileged: boolean;
  page: number;
  limit: number;
}

export interface ClinicianReads {
  list(filter: ClinicianFilter): Promise<Page<ClinicianView>>;
  get(id: number, privileged: boolean): Promise<ClinicianView | null>;
}
