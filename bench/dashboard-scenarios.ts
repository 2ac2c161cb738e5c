import { expectOk } from './lib/http.js';
import type { LoadPlan } from './lib/load.js';
import { loginPatients } from './lib/patients.js';
import { shuffled } from './lib/slot-handout.js';
import { ADMIN, type Scenario } from './scenarios.js';

/**
 * Issue 5's list and dashboard reads, on the database the Mibo bench server seeds with
 * BENCH_SEED=scheduling (10,000 patients named "Bench Patient <n>" with phones +917<n padded to 9>,
 * 100,000 appointments): staff searching patients, a patient's own appointment list, and the
 * analytics dashboard. Each request is authenticated, so the token check is part of what is measured.
 */

// A function, not a constant: scenarios.ts imports this module before its own ADMIN is initialised.
const seeded = () => ({
  BENCH_SEED: 'scheduling',
  JWT_EXPIRES_IN: '1h',
  BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
  BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  BOOTSTRAP_ADMIN_PHONE: ADMIN.phone,
});
const SEEDED_PATIENTS = 10_000;
const PATIENT_LOGINS = 40;
const SEARCHES = 200;

async function adminToken(miboUrl: string): Promise<string> {
  const login = (await expectOk(miboUrl, 'POST', '/api/auth/login/username-password', {
    username: ADMIN.username,
    password: ADMIN.password,
  })) as { data?: { accessToken?: string } };
  if (!login.data?.accessToken) throw new Error('the bench admin could not log in');
  return login.data.accessToken;
}

/** The baseline answers the same query string on /hello, ignoring it. */
const helloLike = (path: string): LoadPlan => ({
  method: 'GET',
  path: `/hello${path.slice(path.indexOf('?'))}`,
});

/** A round robin over prepared paths and tokens, shared by the warm-up and the rounds. */
function rotation() {
  let paths: string[] = [];
  let tokens: string[] = [];
  let cursor = 0;
  return {
    set(nextPaths: string[], nextTokens: string[]) {
      paths = nextPaths;
      tokens = nextTokens;
      cursor = 0;
    },
    next() {
      const i = cursor++;
      return {
        path: paths[i % paths.length]!,
        headers: { authorization: `Bearer ${tokens[i % tokens.length]!}` },
      };
    },
    first: () => paths[0] ?? '/?',
  };
}

/** Staff search patients by name: a page of 20 over the seeded 10,000. */
export function patientSearch(): Scenario {
  const r = rotation();
  return {
    name: 'GET /api/patients?search=',
    miboEnv: seeded(),
    async prepare({ miboUrl, log }) {
      const token = await adminToken(miboUrl);
      // Prefixes that match one patient, a dozen, or hundreds: "Bench Patient 4821", "… 48", "… 4".
      const terms = Array.from({ length: SEARCHES }, (_, i) =>
        String(1 + ((i * 7919) % SEEDED_PATIENTS)).slice(0, 1 + (i % 4)),
      );
      const paths = shuffled(
        terms.map((term) => `/api/patients?search=${encodeURIComponent(`Patient ${term}`)}`),
      );
      const sample = (await expectOk(miboUrl, 'GET', paths[0]!, undefined, {
        authorization: `Bearer ${token}`,
      })) as {
        meta?: { total?: number };
      };
      r.set(paths, [token]);
      log(
        `${paths.length} searches; "${decodeURIComponent(paths[0]!.split('=')[1]!)}" finds ${sample.meta?.total ?? '?'}`,
      );
    },
    baseline: () => ({ ...helloLike(r.first()), vary: () => ({ path: helloLike(r.next().path).path }) }),
    mibo: () => ({ method: 'GET', path: '/api/patients', vary: r.next }),
  };
}

/** Seeded patients (about 10 appointments each) read their own appointment list. */
export function patientAppointments(): Scenario {
  const r = rotation();
  return {
    name: 'GET /api/patient/appointments',
    miboEnv: seeded(),
    async prepare({ miboUrl, log }) {
      const phones = Array.from(
        { length: PATIENT_LOGINS },
        (_, i) => `+917${String(1 + ((i * 241) % SEEDED_PATIENTS)).padStart(9, '0')}`,
      );
      const tokens = await loginPatients(miboUrl, phones);
      const sample = (await expectOk(miboUrl, 'GET', '/api/patient/appointments', undefined, {
        authorization: `Bearer ${tokens[0]!}`,
      })) as { meta?: { total?: number } };
      if (!sample.meta?.total)
        throw new Error('a seeded patient has no appointments: is the database seeded?');
      r.set(['/api/patient/appointments?page=1&limit=20'], tokens);
      log(
        `${tokens.length} seeded patients logged in by OTP; the first has ${sample.meta.total} appointments`,
      );
    },
    baseline: () => helloLike('/api/patient/appointments?page=1&limit=20'),
    mibo: () => ({ method: 'GET', path: '/api/patient/appointments', vary: r.next }),
  };
}

/** The management dashboard, over every centre and each centre in turn. */
export function analyticsDashboard(): Scenario {
  const r = rotation();
  return {
    name: 'GET /api/analytics/dashboard',
    miboEnv: seeded(),
    async prepare({ miboUrl, log }) {
      const token = await adminToken(miboUrl);
      const auth = { authorization: `Bearer ${token}` };
      const centres = (await expectOk(miboUrl, 'GET', '/api/centres?limit=100', undefined, auth)) as {
        data: Array<{ id: number }>;
      };
      const paths = [
        '/api/analytics/dashboard?',
        ...centres.data.map((c) => `/api/analytics/dashboard?centreId=${c.id}`),
      ];
      const all = (await expectOk(miboUrl, 'GET', paths[0]!, undefined, auth)) as {
        data: Record<string, number>;
      };
      r.set(paths, [token]);
      log(
        `${paths.length} dashboards (all centres and each of ${centres.data.length}); all: ${JSON.stringify(all.data)}`,
      );
    },
    baseline: () => ({ ...helloLike(r.first()), vary: () => ({ path: helloLike(r.next().path).path }) }),
    mibo: () => ({ method: 'GET', path: '/api/analytics/dashboard', vary: r.next }),
  };
}
