import * as v from 'valibot';
import type { ClinicianView } from '../../../../application/scheduling/ports/clinician-reads.js';
import type { StoredException, StoredRule } from '../../../../domain/scheduling/clinician.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';

export function clinicianView(view: ClinicianView) {
  return {
    id: view.id,
    userId: view.userId,
    fullName: view.fullName,
    specialization: view.specialization,
    qualification: view.qualification,
    yearsOfExperience: view.yearsOfExperience,
    consultationFee: paiseToRupees(view.feePaise),
    languages: view.languages,
    profilePictureUrl: view.profilePictureUrl,
    primaryCentreId: view.primaryCentreId,
    defaultConsultationDurationMinutes: view.consultationMinutes,
    isActive: view.isActive,
    ...(view.phone !== undefined ? { phone: view.phone, email: view.email ?? null } : {}),
  };
}

export const ruleView = (rule: StoredRule) => ({ ...rule });
export const exceptionView = (exception: StoredException) => ({ ...exception });

const strings = v.array(v.string());
export const ClinicianData = v.object({
  id: v.number(),
  userId: v.number(),
  fullName: v.string(),
  specialization: strings,
  qualification: strings,
  yearsOfExperience: v.number(),
  consultationFee: v.number(),
  languages: strings,
  profilePictureUrl: v.nullable(v.string()),
  primaryCentreId: v.number(),
  defaultConsultationDurationMinutes: v.number(),
  isActive: v.boolean(),
  phone: v.optional(v.string()),
  email: v.optional(v.nullable(v.string())),
});

export const RuleData = v.object({
  dayOfWeek: v.string(),
  startTime: v.string(),
  endTime: v.string(),
  isAvailable: v.boolean(),
  centreId: v.nullable(v.number()),
});

export const ExceptionData = v.object({
  date: v.string(),
  isAvailable: v.boolean(),
  startTime: v.nullable(v.string()),
  endTime: v.nullable(v.string()),
  centreId: v.nullable(v.number()),
  reason: v.nullable(v.string()),
});
