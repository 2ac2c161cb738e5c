export type LeadSource = 'WEBSITE' | 'WHATSAPP' | 'WALK_IN' | 'REFERRAL' | 'PHONE' | 'OTHER';

/** A person who receives care; signs in with a WhatsApp OTP on their phone. */
export class Patient {
  id!: number;
  fullName!: string | null;
  phone!: string;
  email!: string | null;
  dateOfBirth!: string | null;
  gender!: string | null;
  bloodGroup!: string | null;
  emergencyContactName!: string | null;
  emergencyContactPhone!: string | null;
  source!: LeadSource;
  createdAt!: Date;
  updatedAt!: Date;

  private constructor() {}

  /** First successful OTP verification on the patient app: the patient signs themselves up. */
  static signUp(phone: string, fullName: string | null, now: Date): Patient {
    return Patient.create(phone, fullName, 'WEBSITE', now);
  }

  /** A patient the front desk books for: they sign in later with the same phone. */
  static registerByStaff(phone: string, fullName: string, now: Date): Patient {
    return Patient.create(phone, fullName, 'WALK_IN', now);
  }

  private static create(phone: string, fullName: string | null, source: LeadSource, now: Date): Patient {
    const patient = new Patient();
    patient.fullName = fullName;
    patient.phone = phone;
    patient.email = null;
    patient.dateOfBirth = null;
    patient.gender = null;
    patient.bloodGroup = null;
    patient.emergencyContactName = null;
    patient.emergencyContactPhone = null;
    patient.source = source;
    patient.createdAt = now;
    patient.updatedAt = now;
    return patient;
  }
}
