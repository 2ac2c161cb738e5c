import * as v from 'valibot';
import { APPOINTMENT_STATUSES, SESSION_TYPES } from '../../../../domain/booking/appointment-status.js';
import { bodyId, idParam, localDate, phone, rupees, text, timeOfDay } from '../../schemas/common.js';

/** What every booking names: who, where and when (wall-clock time at the centre). */
const slot = {
  clinicianId: bodyId,
  centreId: bodyId,
  appointmentDate: localDate,
  appointmentTime: timeOfDay,
  sessionType: v.picklist(SESSION_TYPES, `Must be one of ${SESSION_TYPES.join(', ')}`),
};

const notes = v.optional(v.nullable(text(2000)));
const reason = v.optional(v.nullable(text(500)));

/** A patient's booking: strict, so status, payment or fee-setter fields are refused by name. */
export const PatientBookingBody = v.strictObject({ ...slot, consultationFee: v.optional(rupees) });

export const FrontDeskBookingBody = v.strictObject({
  ...slot,
  patientPhone: phone,
  patientName: v.optional(text(200)),
  consultationFee: v.optional(rupees),
  notes,
});

export const StaffBookingBody = v.strictObject({
  ...slot,
  patientId: bodyId,
  consultationFee: v.optional(rupees),
  notes,
});

export const UpdateAppointmentBody = v.pipe(
  v.strictObject({
    appointmentDate: v.optional(localDate),
    appointmentTime: v.optional(timeOfDay),
    status: v.optional(v.picklist(APPOINTMENT_STATUSES, `Must be one of ${APPOINTMENT_STATUSES.join(', ')}`)),
    notes,
  }),
  v.check((body) => Object.values(body).some((value) => value !== undefined), 'Nothing to update'),
);

export const CancelBody = v.strictObject({ reason });

export const AppointmentIdParams = v.strictObject({ id: idParam });
