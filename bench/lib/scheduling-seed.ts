import type { Api } from '../../src/bootstrap/create-api.js';
import { T } from '../../src/bootstrap/tokens.js';

/**
 * Seeds a scheduling workload straight in SQL (seconds, on PGlite as on PostgreSQL): centres,
 * clinicians with a CLINICIAN login each, patients, and appointments on the clinicians' slot grid
 * (mostly past, plus a quarter of the next weeks' slots CONFIRMED, so open-slot grids mix taken and
 * free times). Every row respects the migrations' constraints, exclusion constraints included.
 */

export interface SeedSize {
  centres: number;
  clinicians: number;
  patients: number;
  appointments: number;
}

export interface SeedSummary extends SeedSize {
  futureAppointments: number;
  seconds: number;
}

/** Every seeded centre's zone; the runner names dates in it. */
export const SEED_ZONE = 'Asia/Kolkata';
/**
 * Clinicians log in as benchclinician<n> with this password (phones +916…); seeded patients' phones
 * are +917…, so the runner signs its own patients up with other numbers.
 */
export const SEED_CLINICIAN_PASSWORD = 'bench-Clinician-123!';
/** Monday to Saturday, 09:00–13:00 and 14:00–18:00 at the primary centre (minutes from midnight). */
const WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [540, 780],
  [840, 1080],
];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
/** Consultation lengths, one per clinician in turn. */
const MINUTES = [30, 45, 60];
/** Future appointments go up to this many days ahead (inside BOOKING_HORIZON_DAYS' default 60). */
const FUTURE_DAYS = 58;

const minutesOf = (n: number) => MINUTES[n % MINUTES.length]!;
const windowsSql = `(values ${WINDOWS.map(([s, e]) => `(${s}, ${e})`).join(', ')}) as w(start_min, end_min)`;
const benchClinicians = `select c.id, c.primary_centre_id as centre_id, c.consultation_minutes as m, c.fee_paise,
    row_number() over (order by c.id) as n
  from clinicians c join staff_users u on u.id = c.user_id where u.username like 'benchclinician%'`;

/** Slots on every working day of `days` (a SQL list of day offsets from today at the centres). */
function gridSql(days: string): string {
  return `cl as (${benchClinicians}),
    today as (select (now() at time zone '${SEED_ZONE}')::date as d),
    days as (select today.d + i as day, i from today, ${days} as i where extract(isodow from today.d + i) <= ${DAYS.length}),
    grid as (
      select cl.id as clinician_id, cl.centre_id, cl.m, cl.fee_paise,
        (days.day + make_interval(mins => w.start_min + k * cl.m)) at time zone '${SEED_ZONE}' as start_at,
        (cl.n * 7 + abs(days.i) * 3 + k * 5 + w.start_min / 60) as h
      from cl cross join days cross join ${windowsSql}
      cross join lateral generate_series(0, (w.end_min - w.start_min) / cl.m - 1) as k
    ),
    pts as (select id, row_number() over (order by id) - 1 as k from patients where full_name like 'Bench Patient %')`;
}

const insertAppointments = `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at,
    session_type, status, fee_paise, payment_status, hold_expires_at, cancellation_reason, cancelled_at,
    cancelled_by, created_by, created_at, updated_at)
  select pts.id, clinician_id, centre_id, start_at, start_at + make_interval(mins => m),
    case when r % 5 = 0 then 'ONLINE' else 'IN_PERSON' end, status, fee_paise,
    case status when 'CANCELLED' then 'REFUNDED' when 'PENDING' then 'PENDING' else 'PAID' end,
    case when status = 'PENDING' then now() - interval '1 hour' end,
    case when status = 'CANCELLED' then 'Patient request' end,
    case when status = 'CANCELLED' then least(now(), start_at) - interval '1 day' end,
    case when status = 'CANCELLED' then 'system' end,
    'system', least(now(), start_at) - interval '10 days', least(now(), start_at)
  from numbered join pts on pts.k = numbered.r % (select count(*) from pts)`;

export async function seedScheduling(api: Api, size: SeedSize): Promise<SeedSummary> {
  const started = Date.now();
  const db = api.infra.orm.em.getConnection();
  const run = (sql: string, params: unknown[] = []) => db.execute(sql, params, 'run');
  const hash = await api.container.get(T.SecretHasher).hash(SEED_CLINICIAN_PASSWORD);

  await run(
    `insert into centres (name, city, address, timezone)
      select 'Bench Centre ' || i, 'Bench City ' || i, i || ' Bench Road', '${SEED_ZONE}' from generate_series(1, ?) as i`,
    [size.centres],
  );
  await run(
    `insert into staff_users (full_name, phone, username, password_hash, role_id)
      select 'Bench Clinician ' || i, '+916' || lpad(i::text, 9, '0'), 'benchclinician' || i, ?, 3
      from generate_series(1, ?) as i`,
    [hash, size.clinicians],
  );
  const dayNames = `array[${DAYS.map((d) => `'${d}'`).join(', ')}]`;
  await run(
    `insert into clinicians (user_id, primary_centre_id, specialization, qualification, years_of_experience,
        fee_paise, languages, consultation_minutes, availability_rules)
      select u.id, c.id, array['Clinical Psychology'], array['M.Phil'], 3 + u.n % 20, 50000 + (u.n % 4) * 25000,
        array['English', 'Hindi'], (array[${MINUTES.join(', ')}])[1 + u.n % ${MINUTES.length}],
        (select jsonb_agg(jsonb_build_object('dayOfWeek', d.name, 'isAvailable', true, 'centreId', c.id,
            'startTime', to_char(make_time(w.start_min / 60, w.start_min % 60, 0), 'HH24:MI:SS'),
            'endTime', to_char(make_time(w.end_min / 60, w.end_min % 60, 0), 'HH24:MI:SS')) order by d.i, w.start_min)
          from unnest(${dayNames}) with ordinality as d(name, i) cross join ${windowsSql})
      from (select id, row_number() over (order by id) as n from staff_users where username like 'benchclinician%') as u
      join (select id, row_number() over (order by id) - 1 as k, count(*) over () as total
        from centres where name like 'Bench Centre %') as c on c.k = u.n % c.total`,
  );
  await run(
    `insert into patients (full_name, phone, source)
      select 'Bench Patient ' || i, '+917' || lpad(i::text, 9, '0'), 'WEBSITE' from generate_series(1, ?) as i`,
    [size.patients],
  );

  // A quarter of future slots CONFIRMED, a few expired holds and cancellations (both leave the slot
  // open). Patients go round in start order, so one patient's active appointments are weeks apart.
  await run(
    `with ${gridSql(`generate_series(1, ${FUTURE_DAYS})`)},
      picked as (
        select grid.*, case when h % 4 = 0 then 'CONFIRMED' when h % 24 = 2 then 'PENDING' else 'CANCELLED' end as status
        from grid where h % 4 = 0 or h % 24 in (2, 7)),
      numbered as (select picked.*, row_number() over (order by start_at, clinician_id) - 1 as r from picked)
    ${insertAppointments}`,
  );
  const future = await countAppointments(api);
  const past = Math.max(0, size.appointments - future);
  await run(
    `with ${gridSql(`generate_series(-1, -${pastCalendarDays(size.clinicians, past)}, -1)`)},
      picked as (
        select grid.*, case when h % 9 = 0 then 'CANCELLED' when h % 23 = 0 then 'NO_SHOW' else 'COMPLETED' end as status
        from grid limit ?),
      numbered as (select picked.*, row_number() over () - 1 as r from picked)
    ${insertAppointments}`,
    [past],
  );
  await run('analyze centres, staff_users, clinicians, patients, appointments');
  return {
    ...size,
    appointments: await countAppointments(api),
    futureAppointments: future,
    seconds: (Date.now() - started) / 1000,
  };
}

/** One line for the runner's log, from the summary the bench server reports with its port. */
export function describeSeed(seed: unknown): string {
  const s = seed as Partial<Record<keyof SeedSummary, number>>;
  const n = (key: keyof SeedSummary) => (s[key] ?? 0).toLocaleString('en-US');
  return (
    `${n('centres')} centres, ${n('clinicians')} clinicians, ${n('patients')} patients, ${n('appointments')} ` +
    `appointments (${n('futureAppointments')} upcoming) in ${(s.seconds ?? 0).toFixed(1)} s`
  );
}

async function countAppointments(api: Api): Promise<number> {
  const rows: Array<{ count: string | number }> = await api.infra.orm.em
    .getConnection()
    .execute('select count(*) as count from appointments');
  return Number(rows[0]?.count ?? 0);
}

/** Enough past calendar days for `appointments` slots (the grid has whole working days). */
function pastCalendarDays(clinicians: number, appointments: number): number {
  let perDay = 0;
  for (let n = 1; n <= clinicians; n++) {
    perDay += WINDOWS.reduce((sum, [s, e]) => sum + Math.floor((e - s) / minutesOf(n)), 0);
  }
  const workingDays = Math.ceil(appointments / Math.max(perDay, 1));
  return Math.ceil((workingDays * 7) / DAYS.length) + 7;
}
