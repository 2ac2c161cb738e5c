import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  DashboardOverview,
  PatientDashboardReads,
  PatientProfile,
} from '../../../application/patient-dashboard/ports/patient-dashboard-reads.js';
import type { SessionType } from '../../../domain/booking/appointment-status.js';
import { wallClock } from './wall-clock.js';

interface UpcomingRow {
  id: number;
  clinician_name: string | null;
  start_at: string;
  timezone: string;
  session_type: SessionType;
}

interface PaymentRow {
  appointment_id: number;
  amount_paise: number;
  status: string;
  paid_at: string;
}

/** Every subquery filters by the calling patient's id: nothing here can reach another patient. */
export class SqlPatientDashboardReads implements PatientDashboardReads {
  constructor(private readonly em: EntityManager) {}

  async overview(patientId: number, now: Date, shown: number): Promise<DashboardOverview> {
    // Coming sessions: confirmed ones, and PENDING ones while their hold still keeps the slot.
    const rows: Array<{
      upcoming: UpcomingRow[] | null;
      payments: PaymentRow[] | null;
      total: string;
      spent: string;
    }> = await this.em.getConnection().execute(
      `select
          (select json_agg(x order by x.start_at, x.id) from (
             select a.id, u.full_name as clinician_name, a.start_at, c.timezone, a.session_type
               from appointments a join centres c on c.id = a.centre_id
               left join clinicians k on k.id = a.clinician_id left join staff_users u on u.id = k.user_id
              where a.patient_id = ? and a.start_at >= ?
                and (a.status = 'CONFIRMED' or (a.status = 'PENDING' and a.hold_expires_at > ?))
              order by a.start_at, a.id limit ?) x) as upcoming,
          (select json_agg(y order by y.paid_at desc, y.appointment_id desc) from (
             select p.appointment_id, p.amount_paise, p.status, p.paid_at
               from payments p where p.patient_id = ? and p.paid_at is not null
              order by p.paid_at desc, p.appointment_id desc limit ?) y) as payments,
          (select count(*) from appointments a where a.patient_id = ? and a.status <> 'CANCELLED') as total,
          (select coalesce(sum(p.amount_paise) filter (where p.paid_at is not null), 0)
                - coalesce(sum(p.amount_paise) filter (where p.status = 'REFUNDED'), 0)
             from payments p where p.patient_id = ?) as spent`,
      [patientId, now, now, shown, patientId, shown, patientId, patientId],
    );
    const row = rows[0]!;
    return {
      upcomingAppointments: (row.upcoming ?? []).map((a) => ({
        id: a.id,
        clinicianName: a.clinician_name ?? '',
        ...wallClock(a.start_at, a.timezone),
        sessionType: a.session_type,
      })),
      recentPayments: (row.payments ?? []).map((p) => ({
        appointmentId: p.appointment_id,
        amountPaise: p.amount_paise,
        status: p.status,
        paidAt: new Date(p.paid_at),
      })),
      totalAppointments: Number(row.total),
      totalSpentPaise: Number(row.spent),
    };
  }

  async profile(patientId: number): Promise<PatientProfile | null> {
    const rows: Array<Record<string, string | number | null>> = await this.em.getConnection().execute(
      `select id, full_name, phone, email, to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth, gender,
              blood_group, emergency_contact_name, emergency_contact_phone
         from patients where id = ?`,
      [patientId],
    );
    const row = rows[0];
    if (!row) return null;
    const text = (value: string | number | null | undefined) => (value == null ? null : String(value));
    return {
      id: Number(row.id),
      fullName: text(row.full_name),
      phone: String(row.phone),
      email: text(row.email),
      dateOfBirth: text(row.date_of_birth),
      gender: text(row.gender),
      bloodGroup: text(row.blood_group),
      emergencyContactName: text(row.emergency_contact_name),
      emergencyContactPhone: text(row.emergency_contact_phone),
    };
  }
}
