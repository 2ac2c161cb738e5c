import { describe, expect, it } from 'vitest';
import { checkedDetails, medicalHistoryText } from '../../../src/domain/identity/patient-profile.js';
import { Patient } from '../../../src/domain/identity/patient.js';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';

const now = new Date('2026-11-25T10:00:00Z');
const jane = {
  fullName: ' Jane Smith ',
  phone: '98765 43210',
  email: 'Jane@Example.com',
  dateOfBirth: '1990-05-15',
  gender: 'FEMALE' as const,
  bloodGroup: 'O+' as const,
  emergencyContactName: 'John Smith',
  emergencyContactPhone: '+91 98765 43211',
};

describe('patient details', () => {
  it('registers a patient with checked, normalised details and the source given', () => {
    const patient = Patient.register(jane, 'REFERRAL', now);
    expect(patient).toMatchObject({
      fullName: 'Jane Smith',
      phone: '+919876543210',
      email: 'jane@example.com',
      emergencyContactPhone: '+919876543211',
      source: 'REFERRAL',
      medicalHistory: null,
    });
  });

  it('keeps the sources of the two older ways in: self sign-up WEBSITE, a desk booking WALK_IN', () => {
    expect(Patient.signUp('+919876543210', null, now).source).toBe('WEBSITE');
    expect(Patient.registerByStaff('+919876543210', 'Ravi', now).source).toBe('WALK_IN');
  });

  it('changes only the fields given, and a null clears an optional one', () => {
    const patient = Patient.register(jane, 'WALK_IN', now);
    const later = new Date('2026-11-26T10:00:00Z');
    patient.update({ bloodGroup: 'A+', email: null, fullName: undefined }, later);
    expect(patient).toMatchObject({
      bloodGroup: 'A+',
      email: null,
      fullName: 'Jane Smith',
      updatedAt: later,
    });
  });

  it.each([
    [{ dateOfBirth: '2030-01-01' }, 'dateOfBirth'],
    [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth'],
    [{ phone: '12345' }, 'phone'],
    [{ emergencyContactPhone: 'call me' }, 'emergencyContactPhone'],
    [{ email: 'not-an-email' }, 'email'],
    [{ fullName: 'Two\nlines' }, 'fullName'],
    [{ gender: 'UNKNOWN' as never }, 'gender'],
  ])('refuses %o', (change, field) => {
    try {
      checkedDetails(change, now);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidValueError);
      expect((error as InvalidValueError).details).toHaveProperty(field);
    }
  });

  it('keeps medical history as trimmed text, an empty one as none, and refuses an overlong one', () => {
    expect(medicalHistoryText('  No known allergies ')).toBe('No known allergies');
    expect(medicalHistoryText('   ')).toBeNull();
    expect(medicalHistoryText(null)).toBeNull();
    expect(() => medicalHistoryText('x'.repeat(20_001))).toThrow(InvalidValueError);
  });
});
