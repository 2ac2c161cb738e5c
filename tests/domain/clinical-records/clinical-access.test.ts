import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayReachPatient, maySeeClinicalData } from '../../../src/domain/clinical-records/clinical-access.js';
import { Roles, STAFF_ROLE_NAMES } from '../../../src/domain/identity/role.js';

const viewers = fc.record({
  role: fc.constantFrom(...STAFF_ROLE_NAMES),
  isPatientsClinician: fc.boolean(),
});

describe('who may see clinical data', () => {
  it('lets ADMIN and the patient’s clinicians see it, and nobody else', () => {
    fc.assert(
      fc.property(viewers, ({ role, isPatientsClinician }) => {
        const allowed = maySeeClinicalData({ roleId: Roles[role], isPatientsClinician });
        expect(allowed).toBe(role === 'ADMIN' || (role === 'CLINICIAN' && isPatientsClinician));
      }),
    );
  });

  it('never shows it to desk roles, even were they somehow linked to the patient', () => {
    for (const role of ['MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'] as const) {
      expect(maySeeClinicalData({ roleId: Roles[role], isPatientsClinician: true }), role).toBe(false);
    }
  });

  it('lets a clinician reach only their own patients, and other staff every patient', () => {
    expect(mayReachPatient({ roleId: Roles.CLINICIAN, isPatientsClinician: false })).toBe(false);
    expect(mayReachPatient({ roleId: Roles.CLINICIAN, isPatientsClinician: true })).toBe(true);
    for (const role of STAFF_ROLE_NAMES.filter((r) => r !== 'CLINICIAN'))
      expect(mayReachPatient({ roleId: Roles[role], isPatientsClinician: false }), role).toBe(true);
  });

  it('only ever shows clinical data to someone who reaches the patient', () => {
    fc.assert(
      fc.property(viewers, ({ role, isPatientsClinician }) => {
        const viewer = { roleId: Roles[role], isPatientsClinician };
        if (maySeeClinicalData(viewer)) expect(mayReachPatient(viewer)).toBe(true);
      }),
    );
  });
});
