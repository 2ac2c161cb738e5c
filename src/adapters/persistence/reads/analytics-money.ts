/**
 * Revenue is captured payments minus refunds: a capture counts on the day it was paid, a refund
 * subtracts on the day it was refunded, each a local date at the payment's centre. `where` narrows
 * the payments (alias `p`, centre alias `c`).
 */
export function moneyEventsSql(where: string): string {
  return `select p.id as payment_id, p.appointment_id, p.centre_id,
      (p.paid_at at time zone c.timezone)::date as day, p.amount_paise as paise
    from payments p join centres c on c.id = p.centre_id
   where p.paid_at is not null and ${where}
  union all
  select p.id, p.appointment_id, p.centre_id, (p.refunded_at at time zone c.timezone)::date, -p.amount_paise
    from payments p join centres c on c.id = p.centre_id
   where p.status = 'REFUNDED' and p.refunded_at is not null and ${where}`;
}

/** `column = ?` for one centre, or nothing to add for every centre. */
export function centreFilter(column: string, scope: number | null): { sql: string; params: unknown[] } {
  return scope === null ? { sql: 'true', params: [] } : { sql: `${column} = ?`, params: [scope] };
}
