import { expectOk, mapLimit } from './lib/http.js';
import type { LoadPlan } from './lib/load.js';
import type { BenchDatabase } from './lib/postgres.js';
import { benchPhones, issueOtp } from './lib/patients.js';
import { paymentWebhook } from './payment-scenarios.js';
import { analyticsDashboard, patientAppointments, patientSearch } from './dashboard-scenarios.js';
import { availableSlots, bookingCreate } from './scheduling-scenarios.js';

/**
 * The endpoints `npm run bench` measures. Each scenario says what Mibo serves and what the baseline
 * (bare Koa + @koa/router) serves in its place. To measure a new endpoint, add a scenario here: use
 * `miboEnv` for configuration it needs, `prepare` for data it needs (runs once, before the warm-up,
 * outside the measured windows), and `amount` for inputs that can be used only once.
 */

export interface BenchSettings {
  rounds: number;
  connections: number;
  /** Seconds per measured round (for plans without an `amount`). */
  roundSeconds: number;
  warmupSeconds: number;
  /** Single-use OTP codes per measured round, and for the warm-up. */
  otpPerRound: number;
  otpWarmup: number;
  /** Bookings (each a fresh slot and patient) per measured round, and for the warm-up. */
  bookingsPerRound: number;
  bookingsWarmup: number;
}

export type Phase = 'warmup' | 'round';

export interface ScenarioContext {
  miboUrl: string;
  baselineUrl: string;
  settings: BenchSettings;
  /** The run's PostgreSQL database (absent on PGlite), for reading what Mibo wrote while preparing. */
  database?: BenchDatabase;
  log(message: string): void;
}

export interface Scenario {
  /** Shown in the table, e.g. `GET /api/health`. */
  name: string;
  /** Environment the Mibo server needs for this scenario (merged into its environment at start). */
  miboEnv?: Record<string, string>;
  /** Highest acceptable mibo ÷ baseline CPU per request, measured on PostgreSQL (an issue's target). */
  cpuRatioTarget?: number;
  /** Mibo's p99 latency must stay under this, with no 5xx, on PostgreSQL (an issue's target). */
  p99TargetMs?: number;
  /** Data the scenario needs; `skip` leaves it out of this run, with the reason printed. */
  prepare?(context: ScenarioContext): Promise<void | { skip: string }>;
  baseline(phase: Phase, context: ScenarioContext): LoadPlan;
  mibo(phase: Phase, context: ScenarioContext): LoadPlan;
}

const helloBaseline = (): LoadPlan => ({ method: 'GET', path: '/hello' });
const echoBaseline = (body: unknown) => (): LoadPlan => ({ method: 'POST', path: '/echo', body });

const health: Scenario = {
  name: 'GET /api/health',
  cpuRatioTarget: 2, // issue 2: at most 2× the baseline's CPU per request, on PostgreSQL
  baseline: helloBaseline,
  mibo: () => ({ method: 'GET', path: '/api/health' }),
};

export const ADMIN = { username: 'benchadmin', password: 'bench-Password-123!', phone: '+919999900001' };

const staffPasswordLogin: Scenario = {
  name: 'POST /api/auth/login/username-password',
  miboEnv: {
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    BOOTSTRAP_ADMIN_PHONE: ADMIN.phone,
  },
  async prepare({ miboUrl }) {
    await expectOk(miboUrl, 'POST', '/api/auth/login/username-password', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
  },
  baseline: echoBaseline({ username: ADMIN.username, password: ADMIN.password }),
  mibo: () => ({
    method: 'POST',
    path: '/api/auth/login/username-password',
    body: { username: ADMIN.username, password: ADMIN.password },
  }),
};

/** One fresh phone + code per request: codes are single use, so they are issued before measuring. */
function patientOtpVerify(): Scenario {
  let pool: { phone: string; otp: string }[] = [];
  let taken = 0;
  let exhausted = 0;
  const next = () => {
    const entry = pool[taken] ?? pool[pool.length - 1];
    if (taken >= pool.length) exhausted++;
    taken++;
    return entry;
  };
  return {
    name: 'POST /api/patient-auth/verify-otp',
    async prepare({ miboUrl, settings, log }) {
      // A margin per connection in case a round sends a few more than `amount`.
      const size = settings.otpWarmup + settings.rounds * settings.otpPerRound + settings.connections * 2;
      const started = Date.now();
      pool = await mapLimit(benchPhones(9_000_000_000, size), 8, (phone) => issueOtp(miboUrl, phone));
      taken = 0;
      exhausted = 0;
      log(`issued ${pool.length} OTP codes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    baseline: echoBaseline({ phone: '+919000000001', otp: '123456' }),
    mibo: (phase, { settings }) => ({
      method: 'POST',
      path: '/api/patient-auth/verify-otp',
      amount: phase === 'warmup' ? settings.otpWarmup : settings.otpPerRound,
      vary: () => {
        const body = next();
        if (exhausted === 1) console.warn('  ! OTP pool exhausted: reusing codes (expect 401s)');
        return { body };
      },
    }),
  };
}

/** A fresh list per run (scenarios may hold state, such as a pool of codes). */
export function allScenarios(): Scenario[] {
  return [
    health,
    staffPasswordLogin,
    patientOtpVerify(),
    availableSlots(),
    bookingCreate(),
    paymentWebhook(),
    patientSearch(),
    patientAppointments(),
    analyticsDashboard(),
  ];
}
