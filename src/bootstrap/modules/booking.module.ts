import type { Container } from 'inversify';
import { appointmentCommandRoutes } from '../../adapters/http/routes/appointments/appointment-command-routes.js';
import { bookingCommandRoutes } from '../../adapters/http/routes/booking/booking-command-routes.js';
import { MikroAppointmentRepository } from '../../adapters/persistence/repositories/mikro-appointment-repository.js';
import type { BookingRules } from '../../application/booking/booking-rules.js';
import { BookAppointmentHandler } from '../../application/booking/commands/book-appointment.js';
import { BookForPatientHandler } from '../../application/booking/commands/book-for-patient.js';
import { CancelAppointmentHandler } from '../../application/booking/commands/cancel-appointment.js';
import { UpdateAppointmentHandler } from '../../application/booking/commands/update-appointment.js';
import { OpenSlotFinder } from '../../application/booking/open-slot-finder.js';
import type { Config } from '../config.js';
import { T } from '../tokens.js';

export function bindBooking(c: Container, config: Config): void {
  const { env } = config;
  const rules: BookingRules = {
    noticeMinutes: env.BOOKING_MIN_NOTICE_MINUTES,
    horizonDays: env.BOOKING_HORIZON_DAYS,
    patientHoldMinutes: env.BOOKING_HOLD_MINUTES,
    paymentLinkHours: env.PAYMENT_LINK_EXPIRY_HOURS,
    patientCancelCutoffHours: env.PATIENT_CANCEL_CUTOFF_HOURS,
  };
  c.bind(T.Appointments)
    .toDynamicValue((x) => new MikroAppointmentRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.OpenSlotFinder)
    .toDynamicValue(
      (x) => new OpenSlotFinder(x.get(T.Clinicians), x.get(T.Centres), x.get(T.TakenTime), rules),
    )
    .inSingletonScope();
  c.bind(T.BookAppointment)
    .toDynamicValue(
      (x) =>
        new BookAppointmentHandler(
          x.get(T.OpenSlotFinder),
          x.get(T.Appointments),
          x.get(T.Patients),
          x.get(T.PaymentGateway),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
          rules,
          x.get(T.EventRecorder),
        ),
    )
    .inSingletonScope();
  c.bind(T.BookForPatient)
    .toDynamicValue(
      (x) =>
        new BookForPatientHandler(
          x.get(T.OpenSlotFinder),
          x.get(T.Appointments),
          x.get(T.Patients),
          x.get(T.PaymentLinkOpener),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
          rules,
          x.get(T.EventRecorder),
        ),
    )
    .inSingletonScope();
  c.bind(T.UpdateAppointment)
    .toDynamicValue(
      (x) =>
        new UpdateAppointmentHandler(
          x.get(T.OpenSlotFinder),
          x.get(T.Appointments),
          x.get(T.Centres),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
          x.get(T.EventRecorder),
        ),
    )
    .inSingletonScope();
  c.bind(T.CancelAppointment)
    .toDynamicValue(
      (x) =>
        new CancelAppointmentHandler(
          x.get(T.Appointments),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
          rules,
          x.get(T.EventRecorder),
        ),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      bookingCommandRoutes({
        book: x.get(T.BookAppointment),
        bookForPatient: x.get(T.BookForPatient),
        cancel: x.get(T.CancelAppointment),
      }),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      appointmentCommandRoutes({
        bookForPatient: x.get(T.BookForPatient),
        update: x.get(T.UpdateAppointment),
        cancel: x.get(T.CancelAppointment),
      }),
    )
    .inSingletonScope();
}
