import { Patient } from '../../../domain/identity/patient.js';
import { PhoneNumber } from '../../../domain/shared/phone-number.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { OtpChallenges } from '../otp-challenges.js';
import type { PatientRepository } from '../ports/identity-repositories.js';
import type { IssuedTokens, SessionIssuer } from '../session-issuer.js';

export interface VerifyPatientOtp {
  phone: string;
  otp: string;
}

export interface PatientSignIn extends IssuedTokens {
  patient: Patient;
  isNewUser: boolean;
}

/** The first successful verify of a phone creates the patient, in the transaction that uses the code. */
export class VerifyPatientOtpHandler {
  constructor(
    private readonly patients: PatientRepository,
    private readonly otps: OtpChallenges,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(input: VerifyPatientOtp): Promise<PatientSignIn> {
    const phone = PhoneNumber.parse(input.phone).e164;
    return this.otps.redeem('PATIENT_LOGIN', phone, input.otp, async (code) => {
      let patient = await this.patients.findByPhone(phone);
      const isNewUser = patient === null;
      if (!patient) {
        patient = Patient.signUp(phone, code.fullName, this.clock.now());
        await this.patients.add(patient);
      }
      return { patient, isNewUser, ...(await this.sessions.open('patient', patient.id)) };
    });
  }
}
