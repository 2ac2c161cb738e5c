import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../src/adapters/logging/logger.js';
import { loadConfig } from '../src/bootstrap/config.js';
import { createApi } from '../src/bootstrap/create-api.js';
import { T } from '../src/bootstrap/tokens.js';
import { BenchDatabase } from './lib/postgres.js';

/**
 * `npx tsx bench/reminders.ts`: reminder throughput. Seeds BENCH_REMINDERS (10,000) confirmed
 * appointments, each with its 1h reminder job parked in the outbox, then makes every reminder due at
 * once and times the API's own job workers until all are settled. Passes only if each appointment
 * got exactly one reminder (dev outbox and notifications agree) and none failed. Prints the time and
 * messages per second. Runs on a fresh database `mibo_bench_reminders_<pid>` on DATABASE_URL (dropped
 * afterwards), else on PGlite in a temporary directory; with REDIS_URL the jobs go through BullMQ.
 * Tunables: BENCH_REMINDERS, BENCH_REMINDER_TIMEOUT_SECONDS (900), JOB_CONCURRENCY, BENCH_OUT (JSON path).
 */

const count = Number(process.env.BENCH_REMINDERS ?? 10_000);
const timeoutMs = Number(process.env.BENCH_REMINDER_TIMEOUT_SECONDS ?? 900) * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ISO = `to_char(a.start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL;
  const database = server ? await BenchDatabase.create(server, `mibo_bench_reminders_${process.pid}`) : null;
  const dataDir = database ? null : mkdtempSync(join(tmpdir(), 'mibo-bench-reminders-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: undefined, DATA_DIR: dataDir! }),
    QUEUE_PREFIX: `mibo-bench-reminders-${process.pid}`,
    REMINDER_OFFSETS: '1h',
  });
  const api = await createApi(config, { logger: createLogger(config.env.LOG_LEVEL) });
  const db = api.infra.orm.em.getConnection();
  const one = async <R>(sql: string, params: unknown[] = []) => ((await db.execute(sql, params)) as R[])[0]!;
  try {
    console.log(`seeding ${count} confirmed appointments with their reminder jobs parked…`);
    const { id: centre } = await one<{ id: number }>(
      `insert into centres (name, city, address) values ('Bench Centre', 'Bangalore', '1 Bench Road') returning id`,
    );
    const { id: user } = await one<{ id: number }>(
      `insert into staff_users (full_name, phone, role_id) values ('Dr. Bench', '+919999912345', 3) returning id`,
    );
    const { id: clinician } = await one<{ id: number }>(
      `insert into clinicians (user_id, primary_centre_id, years_of_experience, fee_paise, consultation_minutes)
       values (?, ?, 5, 150000, 60) returning id`,
      [user, centre],
    );
    await db.execute(
      `insert into patients (full_name, phone) select 'Bench Patient ' || g, '+9180' || lpad(g::text, 8, '0')
         from generate_series(1, ?) g`,
      [count],
    );
    // One clinician, back-to-back hours from 30 days on: every start in the future, none overlapping.
    await db.execute(
      `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type, status, fee_paise,
         payment_status, created_by)
       select p.id, ?, ?, date_trunc('hour', now()) + interval '30 days' + n * interval '1 hour',
              date_trunc('hour', now()) + interval '30 days' + (n + 1) * interval '1 hour',
              'IN_PERSON', 'CONFIRMED', 150000, 'PAID', 'bench'
         from (select id, row_number() over (order by id) as n from patients) p`,
      [clinician, centre],
    );
    await db.execute(
      `insert into outbox_jobs (name, key, payload, run_at)
       select 'messaging.reminder', 'messaging.reminder:' || a.id || ':1h:' || ${ISO},
              jsonb_build_object('appointmentId', a.id, 'startAt', ${ISO}, 'offset', '1h'), now() + interval '10 years'
         from appointments a`,
    );

    const started = performance.now();
    await db.execute(
      `update outbox_jobs set run_at = now(), enqueued_at = null where name = 'messaging.reminder' and completed_at is null`,
    );
    const relay = api.container.get(T.OutboxRelay);
    for (;;) {
      relay.wake();
      const { open } = await one<{ open: string }>(
        `select count(*) as open from outbox_jobs
          where name = 'messaging.reminder' and completed_at is null and failed_at is null`,
      );
      if (Number(open) === 0) break;
      if (performance.now() - started > timeoutMs)
        throw new Error(`${open} reminders still open after the timeout`);
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1000;

    const check = await one<{ sent: string; appointments: string; outbox: string; failed: string }>(
      `select (select count(*) from notifications where type = 'APPOINTMENT_REMINDER' and status = 'SENT') as sent,
              (select count(distinct appointment_id) from notifications where type = 'APPOINTMENT_REMINDER') as appointments,
              (select count(*) from dev_outbox_messages where template = 'appointment_reminder') as outbox,
              (select count(*) from outbox_jobs where name = 'messaging.reminder' and failed_at is not null) as failed`,
    );
    const result = {
      reminders: count,
      seconds: Math.round(seconds * 100) / 100,
      messagesPerSecond: Math.round((count / seconds) * 10) / 10,
      sent: Number(check.sent),
      distinctAppointments: Number(check.appointments),
      devOutbox: Number(check.outbox),
      failedJobs: Number(check.failed),
      database: api.infra.databaseLabel,
      queue: config.env.REDIS_URL ? 'BullMQ' : 'in-process',
    };
    console.log(JSON.stringify(result, null, 2));
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(result, null, 2));
    const once = [result.sent, result.distinctAppointments, result.devOutbox].every((n) => n === count);
    if (!once || result.failedJobs > 0) {
      throw new Error('reminders were not each sent exactly once (see the counts above)');
    }
    console.log(
      `${count} reminders sent once each in ${result.seconds} s: ${result.messagesPerSecond} messages/s`,
    );
  } finally {
    await api.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
