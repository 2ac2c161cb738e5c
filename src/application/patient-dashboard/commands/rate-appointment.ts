import { rateAppointment } from '../../../domain/patient-care/appointment-rating.js';
import type { PatientActor } from '../../shared/actor.js';
import { ConflictError, NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { RatingStore } from '../ports/rating-store.js';

export interface RateAppointment {
  appointmentId: number;
  rating: number;
  comment?: string | null | undefined;
}

/** A patient rates their own completed session, once (CONTRACT.md: another patient's is a 404). */
export class RateAppointmentHandler {
  constructor(
    private readonly ratings: RatingStore,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: RateAppointment, actor: PatientActor): Promise<{ id: number }> {
    return this.uow.run(async () => {
      const appointment = await this.ratings.appointment(input.appointmentId);
      if (!appointment || appointment.patientId !== actor.patientId) throw new NotFoundError('Appointment');
      const rating = rateAppointment(appointment, input, this.clock.now());
      // The unique key settles a race; this check answers the ordinary second try plainly.
      if (await this.ratings.hasRating(appointment.id))
        throw new ConflictError('DUPLICATE_ENTRY', 'This appointment has already been rated');
      return { id: await this.ratings.add(rating) };
    });
  }
}
