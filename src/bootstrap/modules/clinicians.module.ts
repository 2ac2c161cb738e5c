import type { Container } from 'inversify';
import { CreateClinicianHandler } from '../../application/scheduling/commands/create-clinician.js';
import { ManageClinicianHandler } from '../../application/scheduling/commands/manage-clinician.js';
import { SetClinicianScheduleHandler } from '../../application/scheduling/commands/set-clinician-schedule.js';
import { ClinicianQueries } from '../../application/scheduling/queries/clinician-queries.js';
import { AvailableSlotsHandler } from '../../application/scheduling/queries/available-slots.js';
import { availableSlotsRoutes } from '../../adapters/http/routes/booking/available-slots-route.js';
import { CachedSlotInputs } from '../../adapters/persistence/reads/cached-slot-inputs.js';
import { SqlSlotInputs } from '../../adapters/persistence/reads/slot-inputs-reads.js';
import { SqlTakenTime } from '../../adapters/persistence/reads/taken-time-reads.js';
import { clinicianRoutes } from '../../adapters/http/routes/clinicians/clinician-routes.js';
import { SqlClinicianReads } from '../../adapters/persistence/reads/clinician-reads.js';
import { MikroClinicianRepository } from '../../adapters/persistence/repositories/mikro-clinician-repository.js';
import { T } from '../tokens.js';

export function bindClinicians(c: Container): void {
  c.bind(T.Clinicians)
    .toDynamicValue((x) => new MikroClinicianRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.ClinicianReads)
    .toDynamicValue((x) => new SqlClinicianReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.CreateClinician)
    .toDynamicValue(
      (x) =>
        new CreateClinicianHandler(
          x.get(T.StaffUsers),
          x.get(T.Clinicians),
          x.get(T.Centres),
          x.get(T.SecretHasher),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.ManageClinician)
    .toDynamicValue(
      (x) =>
        new ManageClinicianHandler(
          x.get(T.Clinicians),
          x.get(T.Centres),
          x.get(T.StaffUsers),
          x.get(T.RefreshSessions),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.SetClinicianSchedule)
    .toDynamicValue(
      (x) =>
        new SetClinicianScheduleHandler(
          x.get(T.Clinicians),
          x.get(T.Centres),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.ClinicianQueries)
    .toDynamicValue(
      (x) =>
        new ClinicianQueries(x.get(T.ClinicianReads), x.get(T.Clinicians), x.get(T.Centres), x.get(T.Clock)),
    )
    .inSingletonScope();
  c.bind(T.TakenTime)
    .toDynamicValue((x) => new SqlTakenTime(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.AvailableSlots)
    .toDynamicValue((x) => {
      const { env } = x.get(T.Config);
      const feed = x.get(T.SlotChanges);
      const sql = new SqlSlotInputs(x.get(T.Em));
      const inputs = feed
        ? new CachedSlotInputs(sql, feed, {
            ttlMs: env.SLOT_CACHE_TTL_MS,
            maxEntries: env.SLOT_CACHE_MAX_ENTRIES,
          })
        : sql;
      return new AvailableSlotsHandler(inputs, x.get(T.Clock), {
        noticeMinutes: env.BOOKING_MIN_NOTICE_MINUTES,
        horizonDays: env.BOOKING_HORIZON_DAYS,
      });
    })
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) => availableSlotsRoutes(x.get(T.AvailableSlots)))
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      clinicianRoutes({
        create: x.get(T.CreateClinician),
        manage: x.get(T.ManageClinician),
        schedule: x.get(T.SetClinicianSchedule),
        queries: x.get(T.ClinicianQueries),
      }),
    )
    .inSingletonScope();
}
