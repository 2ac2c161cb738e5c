import type { Container } from 'inversify';
import { patientDashboardCommandRoutes } from '../../adapters/http/routes/patient-dashboard/patient-dashboard-command-routes.js';
import { patientDashboardReadRoutes } from '../../adapters/http/routes/patient-dashboard/patient-dashboard-read-routes.js';
import { SqlPatientDashboardReads } from '../../adapters/persistence/reads/patient-dashboard-reads.js';
import { SqlRatingStore } from '../../adapters/persistence/repositories/sql-rating-store.js';
import { RateAppointmentHandler } from '../../application/patient-dashboard/commands/rate-appointment.js';
import { UpdateMyProfileHandler } from '../../application/patient-dashboard/commands/update-my-profile.js';
import { PatientDashboardQueries } from '../../application/patient-dashboard/queries/patient-dashboard-queries.js';
import { T } from '../tokens.js';

/**
 * `/api/patient/*`: the patient's own overview, profile and ratings; the appointment list, payments
 * and cancel reuse booking's and billing's handlers, which already scope to the calling patient.
 */
export function bindPatientDashboard(c: Container): void {
  c.bind(T.PatientDashboardQueries)
    .toDynamicValue(
      (x) => new PatientDashboardQueries(new SqlPatientDashboardReads(x.get(T.Em)), x.get(T.Clock)),
    )
    .inSingletonScope();
  c.bind(T.UpdateMyProfile)
    .toDynamicValue((x) => new UpdateMyProfileHandler(x.get(T.Patients), x.get(T.UnitOfWork), x.get(T.Clock)))
    .inSingletonScope();
  c.bind(T.RateAppointment)
    .toDynamicValue(
      (x) => new RateAppointmentHandler(new SqlRatingStore(x.get(T.Em)), x.get(T.UnitOfWork), x.get(T.Clock)),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      patientDashboardReadRoutes({
        queries: x.get(T.PatientDashboardQueries),
        appointments: x.get(T.ListMyBookings),
        payments: x.get(T.PaymentHistory),
      }),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      patientDashboardCommandRoutes({
        queries: x.get(T.PatientDashboardQueries),
        updateProfile: x.get(T.UpdateMyProfile),
        cancel: x.get(T.CancelAppointment),
        rate: x.get(T.RateAppointment),
      }),
    )
    .inSingletonScope();
}
