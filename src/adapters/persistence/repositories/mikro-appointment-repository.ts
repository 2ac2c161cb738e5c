import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppointmentRepository } from '../../../application/booking/ports/appointment-repository.js';
import type { Appointment } from '../../../domain/booking/appointment.js';
import { AppointmentSchema } from '../schemas/appointment-schema.js';

export class MikroAppointmentRepository implements AppointmentRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: number): Promise<Appointment | null> {
    return this.em.findOne(AppointmentSchema, { id });
  }

  findByIdForUpdate(id: number): Promise<Appointment | null> {
    // refresh: an earlier read in this unit of work must not hide what the locked row says now.
    return this.em.findOne(
      AppointmentSchema,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  async add(appointment: Appointment): Promise<void> {
    this.em.persist(appointment);
    await this.em.flush();
  }

  async releaseExpiredHolds(
    clinicianId: number,
    patientId: number,
    startAt: Date,
    endAt: Date,
    now: Date,
  ): Promise<Appointment[]> {
    // Locked in id order, so two bookings releasing the same holds queue up instead of deadlocking;
    // the domain decides each expiry, so the history reads the same as when the job times a hold out.
    const expired = await this.em.find(
      AppointmentSchema,
      {
        $or: [{ clinicianId }, { patientId }],
        status: 'PENDING',
        holdExpiresAt: { $lte: now },
        startAt: { $lt: endAt },
        endAt: { $gt: startAt },
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
    );
    for (const appointment of expired) appointment.expireHold(now);
    await this.em.flush();
    return expired;
  }
}
