import type { Container } from 'inversify';
import { GetAppointmentHandler } from '../../application/booking/queries/get-appointment.js';
import { GetClinicianAgendaHandler } from '../../application/booking/queries/get-clinician-agenda.js';
import { GetMyBookingHandler } from '../../application/booking/queries/get-my-booking.js';
import { ListAppointmentsHandler } from '../../application/booking/queries/list-appointments.js';
import { ListMyBookingsHandler } from '../../application/booking/queries/list-my-bookings.js';
import { appointmentReadRoutes } from '../../adapters/http/routes/appointments/appointment-read-routes.js';
import { bookingReadRoutes } from '../../adapters/http/routes/booking/booking-read-routes.js';
import { SqlAppointmentReads } from '../../adapters/persistence/reads/appointment-reads.js';
import { T } from '../tokens.js';

/** The query side of appointments: staff lists and lookups, the clinician's agenda, the patient's own. */
export function bindAppointmentReads(c: Container): void {
  c.bind(T.AppointmentReads)
    .toDynamicValue((x) => new SqlAppointmentReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.ListAppointments)
    .toDynamicValue((x) => new ListAppointmentsHandler(x.get(T.AppointmentReads)))
    .inSingletonScope();
  c.bind(T.GetAppointment)
    .toDynamicValue((x) => new GetAppointmentHandler(x.get(T.AppointmentReads)))
    .inSingletonScope();
  c.bind(T.GetClinicianAgenda)
    .toDynamicValue((x) => new GetClinicianAgendaHandler(x.get(T.AppointmentReads), x.get(T.Clock)))
    .inSingletonScope();
  c.bind(T.ListMyBookings)
    .toDynamicValue((x) => new ListMyBookingsHandler(x.get(T.AppointmentReads)))
    .inSingletonScope();
  c.bind(T.GetMyBooking)
    .toDynamicValue((x) => new GetMyBookingHandler(x.get(T.AppointmentReads)))
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      appointmentReadRoutes({
        list: x.get(T.ListAppointments),
        get: x.get(T.GetAppointment),
        agenda: x.get(T.GetClinicianAgenda),
      }),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) => bookingReadRoutes({ list: x.get(T.ListMyBookings), get: x.get(T.GetMyBooking) }))
    .inSingletonScope();
}
