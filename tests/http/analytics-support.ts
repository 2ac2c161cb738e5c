import type { TestApi } from '../support/test-api.js';

export interface PaymentSeed {
  appointmentId: number;
  patientId: number;
  centreId: number;
  amountPaise: number;
  status: 'PENDING' | 'FAILED' | 'PAID' | 'REFUND_PENDING' | 'REFUNDED';
  /** Instants with their offsets. */
  paidAt?: string | null;
  refundedAt?: string | null;
  method?: string | null;
}

const sql = (t: TestApi, text: string, params: unknown[]) =>
  t.inContext(() => t.api.infra.orm.em.getConnection().execute(text, params));

/** Writes a payment row as billing would leave it, so reads are tested apart from the payment flow. */
export async function insertPayment(t: TestApi, p: PaymentSeed): Promise<void> {
  await sql(
    t,
    `insert into payments (appointment_id, patient_id, centre_id, amount_paise, status, method, paid_at, refund_reason,
       refunded_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?::timestamptz, now(), now())`,
    [
      p.appointmentId,
      p.patientId,
      p.centreId,
      p.amountPaise,
      p.status,
      p.method ?? (p.paidAt ? 'upi' : null),
      p.paidAt ?? null,
      p.refundedAt ? 'CANCELLED' : null,
      p.refundedAt ?? null,
    ],
  );
}

export async function insertRating(
  t: TestApi,
  r: { appointmentId: number; patientId: number; clinicianId: number; rating: number },
): Promise<void> {
  await sql(
    t,
    'insert into appointment_ratings (appointment_id, patient_id, clinician_id, rating) values (?, ?, ?, ?)',
    [r.appointmentId, r.patientId, r.clinicianId, r.rating],
  );
}

export async function setPatientSource(t: TestApi, patientId: number, source: string): Promise<void> {
  await sql(t, 'update patients set source = ? where id = ?', [source, patientId]);
}

/** Every statement the API sends to the database while `work` runs. */
export async function statementsDuring(t: TestApi, work: () => Promise<void>): Promise<string[]> {
  const knex = t.api.infra.orm.em.getConnection().getKnex();
  const seen: string[] = [];
  const listener = (query: { sql: string }) => seen.push(query.sql);
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.removeListener('query', listener);
  }
  return seen;
}
