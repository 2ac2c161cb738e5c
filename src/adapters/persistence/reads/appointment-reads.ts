import type { Page } from '../../../application/shared/page.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  AppointmentDetail,
  AppointmentFilter,
  AppointmentReads,
  AppointmentSummary,
  ClinicianAgenda,
} from '../../../application/booking/ports/appointment-reads.js';
import type {
  AppointmentStatus,
  PaymentStatus,
  SessionType,
} from '../../../domain/booking/appointment-status.js';
import { agendaOf } from './clinician-agenda.js';
import { wallClock } from './wall-clock.js';

interface SummaryRow {
  id: number;
  patient_id: number;
  patient_name: string | null;
  clinician_id: number;
  clinician_name: string | null;
  centre_id: number;
  centre_name: string;
  timezone: string;
  start_at: Date | string;
  session_type: SessionType;
  status: AppointmentStatus;
  fee_paise: number;
  payment_status: PaymentStatus;
  meet_link: string | null;
}

interface DetailRow extends SummaryRow {
  patient_phone: string;
  clinician_user_id: number;
  notes: string | null;
  hold_expires_at: Date | string | null;
  cancellation_reason: string | null;
  payment_link_url: string | null;
}

// Left joins on primary keys: the same rows as the appointments alone, and PostgreSQL drops the
// joins whose columns a query does not use (the count below).
const FROM = `appointments a
  join centres c on c.id = a.centre_id
  left join patients p on p.id = a.patient_id
  left join clinicians k on k.id = a.clinician_id
  left join staff_users u on u.id = k.user_id
  left join video_meetings vm on vm.appointment_id = a.id`;

const SUMMARY = `a.id, a.patient_id, p.full_name as patient_name, a.clinician_id, u.full_name as clinician_name,
  a.centre_id, c.name as centre_name, c.timezone, a.start_at, a.session_type, a.status, a.fee_paise, a.payment_status,
  vm.meet_link`;

/** SQL over appointments: each page, its total included, is one statement whatever its size. */
export class SqlAppointmentReads implements AppointmentReads {
  constructor(private readonly em: EntityManager) {}

  async list(filter: AppointmentFilter): Promise<Page<AppointmentSummary>> {
    const { where, params } = conditionsOf(filter);
    // The count stands alone so that a page past the end still reports the total.
    const rows: Array<Partial<SummaryRow> & { total: string }> = await this.em.getConnection().execute(
      `select n.total, page.*
         from (select count(*) as total from ${FROM} where ${where}) n
         left join (select ${SUMMARY} from ${FROM} where ${where}
                     order by a.start_at, a.id limit ? offset ?) page on true
        order by page.start_at, page.id`,
      [...params, ...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    const items = rows.filter((row): row is SummaryRow & { total: string } => row.id != null).map(summaryOf);
    return { items, total: Number(rows[0]?.total ?? 0) };
  }

  async byId(id: number): Promise<AppointmentDetail | null> {
    const rows: DetailRow[] = await this.em.getConnection().execute(
      `select ${SUMMARY}, p.phone as patient_phone, k.user_id as clinician_user_id, a.notes, a.hold_expires_at,
              a.cancellation_reason, a.payment_link_url
         from ${FROM} where a.id = ?`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...summaryOf(row),
      patientPhone: row.patient_phone,
      clinicianUserId: row.clinician_user_id,
      notes: row.notes,
      holdExpiresAt: row.hold_expires_at === null ? null : new Date(row.hold_expires_at),
      cancellationReason: row.cancellation_reason,
      paymentLink: row.payment_link_url,
    };
  }

  agendaOf(userId: number, now: Date, page: number, limit: number): Promise<ClinicianAgenda> {
    return agendaOf(this.em, userId, now, page, limit);
  }
}

function conditionsOf(filter: AppointmentFilter): { where: string; params: unknown[] } {
  const where = ['true'];
  const params: unknown[] = [];
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  equal('a.centre_id', filter.centreId);
  equal('a.clinician_id', filter.clinicianId);
  equal('a.patient_id', filter.patientId);
  equal('a.status', filter.status);
  if (filter.date !== undefined) {
    // The centre's local day as a range of instants, so the start_at indexes stay usable.
    where.push(
      `a.start_at >= (?::date)::timestamp at time zone c.timezone and a.start_at < (?::date + 1)::timestamp at time zone c.timezone`,
    );
    params.push(filter.date, filter.date);
  }
  return { where: where.join(' and '), params };
}

function summaryOf(row: SummaryRow): AppointmentSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: row.patient_name,
    clinicianId: row.clinician_id,
    clinicianName: row.clinician_name ?? '',
    centreId: row.centre_id,
    centreName: row.centre_name,
    ...wallClock(row.start_at, row.timezone),
    sessionType: row.session_type,
    status: row.status,
    feePaise: row.fee_paise,
    paymentStatus: row.payment_status,
    meetLink: row.meet_link,
  };
}
