import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  AppointmentMessageContext,
  MessageContextReads,
} from '../../../application/messaging/ports/message-context-reads.js';
import type { AppointmentStatus, SessionType } from '../../../domain/booking/appointment-status.js';
import { wallClockOf } from '../../../domain/scheduling/time-zone.js';

interface Row {
  id: number;
  patient_id: number;
  patient_name: string | null;
  patient_phone: string;
  clinician_name: string | null;
  centre_id: number;
  centre_name: string;
  centre_address: string;
  timezone: string;
  status: AppointmentStatus;
  start_at: Date | string;
  session_type: SessionType;
}

/**
 * One statement for everything a message about an appointment says. It reads names and places only:
 * no specialization, notes or other clinical column is selected, so none can reach a message.
 */
export class SqlNotificationMessageContextReads implements MessageContextReads {
  constructor(private readonly em: EntityManager) {}

  async forAppointment(appointmentId: number): Promise<AppointmentMessageContext | null> {
    const rows: Row[] = await this.em.getConnection().execute(
      `select a.id, a.patient_id, p.full_name as patient_name, p.phone as patient_phone,
              u.full_name as clinician_name, a.centre_id, c.name as centre_name, c.address as centre_address,
              c.timezone, a.status, a.start_at, a.session_type
         from appointments a
         join patients p on p.id = a.patient_id
         join centres c on c.id = a.centre_id
         left join clinicians k on k.id = a.clinician_id
         left join staff_users u on u.id = k.user_id
        where a.id = ?`,
      [appointmentId],
    );
    const row = rows[0];
    if (!row) return null;
    const startAt = new Date(row.start_at);
    const { date, time } = wallClockOf(startAt, row.timezone);
    return {
      appointmentId: row.id,
      patientId: row.patient_id,
      patientPhone: row.patient_phone,
      centreId: row.centre_id,
      status: row.status,
      startAt,
      facts: {
        patientName: row.patient_name,
        clinicianName: row.clinician_name,
        centreName: row.centre_name,
        centreAddress: row.centre_address,
        date,
        time,
        sessionType: row.session_type,
      },
    };
  }
}
