import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuCount, CLOCK_TICKS, pinSelf } from './lib/cpu.js';
import { runLoad, type LoadPlan, type LoadSettings } from './lib/load.js';
import { backendCpuDelta, BenchDatabase } from './lib/postgres.js';
import { describeSeed } from './lib/scheduling-seed.js';
import {
  describeRound,
  renderTable,
  renderTargets,
  summarise,
  type RoundRecord,
  type ScenarioSummary,
  type TargetName,
} from './lib/report.js';
import { startServer, type ServerProcess } from './lib/server-process.js';
import { allScenarios, type BenchSettings, type Phase, type ScenarioContext } from './scenarios.js';

/**
 * `npm run bench`: a bare Koa + @koa/router baseline and Mibo, each in its own process pinned to
 * core 0, driven by autocannon from this process pinned to core 1, in interleaved rounds
 * (baseline, mibo, baseline, mibo, …) per endpoint. Server CPU per request comes from the server
 * process's utime + stime in /proc. Mibo runs on a fresh database `mibo_bench_<pid>` on the
 * DATABASE_URL server when it is set (dropped afterwards), else on PGlite in a temporary directory.
 *
 * Tunables (environment): BENCH_ROUNDS (3), BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (2),
 * BENCH_CONNECTIONS (10), BENCH_OTP_PER_ROUND (250), BENCH_OTP_WARMUP (20), BENCH_BOOKINGS_PER_ROUND
 * (250), BENCH_BOOKINGS_WARMUP (25), BENCH_SEED_CLINICIANS (60), BENCH_SEED_PATIENTS (10000),
 * BENCH_SEED_APPOINTMENTS (100000), BENCH_ONLY (a substring of the endpoint names to run), LOG_LEVEL
 * (Mibo's, default info), BENCH_OUT (JSON results path).
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const SERVER_CORE = 0;
const LOAD_CORE = 1;
const BIG = '1000000000';

function intEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
  return value;
}

const settings: BenchSettings = {
  rounds: intEnv('BENCH_ROUNDS', 3),
  connections: intEnv('BENCH_CONNECTIONS', 10),
  roundSeconds: intEnv('BENCH_SECONDS', 5),
  warmupSeconds: intEnv('BENCH_WARMUP_SECONDS', 2),
  otpPerRound: intEnv('BENCH_OTP_PER_ROUND', 250),
  otpWarmup: intEnv('BENCH_OTP_WARMUP', 20),
  bookingsPerRound: intEnv('BENCH_BOOKINGS_PER_ROUND', 250),
  bookingsWarmup: intEnv('BENCH_BOOKINGS_WARMUP', 25),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function log(message: string): void {
  console.log(message);
}

async function main(): Promise<number> {
  const started = Date.now();
  const loadBefore = loadavg();
  const cores = cpuCount();
  const pinned = cores >= 2 && pinSelf(LOAD_CORE);
  if (!pinned) {
    console.warn(
      `! ${cores < 2 ? 'only one CPU' : 'taskset failed'}: servers and load generator are not pinned apart; CPU figures include contention`,
    );
  }
  const scenarios = allScenarios().filter(
    (s) => !process.env.BENCH_ONLY || s.name.includes(process.env.BENCH_ONLY),
  );
  if (scenarios.length === 0) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY} matches no scenario`);

  const workDir = mkdtempSync(join(tmpdir(), 'mibo-bench-'));
  const serverUrl = process.env.DATABASE_URL;
  let database: BenchDatabase | undefined;
  const servers: ServerProcess[] = [];
  let keepWorkDir = false;

  const cleanUp = async () => {
    await Promise.allSettled(servers.map((server) => server.stop()));
    if (database)
      await database
        .drop()
        .catch((error: unknown) => console.warn(`! could not drop ${database?.name}: ${String(error)}`));
    if (keepWorkDir) log(`server logs kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  };
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    console.warn('\ninterrupted: stopping servers and cleaning up');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (serverUrl) {
      database = await BenchDatabase.create(serverUrl, `mibo_bench_${process.pid}`);
    }
    const dbLabel = database
      ? `PostgreSQL (database ${database.name})`
      : 'embedded PGlite (temporary DATA_DIR)';
    log(
      `Mibo bench: ${dbLabel}; servers on core ${pinned ? SERVER_CORE : '-'}, load on core ${pinned ? LOAD_CORE : '-'}; ` +
        `${settings.connections} connections, ${settings.rounds} rounds × ${settings.roundSeconds} s, CLK_TCK ${CLOCK_TICKS}`,
    );

    const miboEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development', // the dev outbox (OTP codes) exists only outside production
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      RATE_LIMIT_AUTH_MAX: BIG,
      RATE_LIMIT_OTP_MAX: BIG,
      RATE_LIMIT_API_MAX: BIG,
      ...Object.assign({}, ...scenarios.map((s) => s.miboEnv ?? {})),
    };
    if (database) {
      miboEnv.DATABASE_URL = database.url;
    } else {
      for (const name of ['DATABASE_URL', 'DB_HOST']) delete miboEnv[name];
      miboEnv.DATA_DIR = join(workDir, 'data');
    }
    const core = pinned ? SERVER_CORE : undefined;
    const launchStarted = Date.now();
    const [baseline, mibo] = await Promise.all([
      startServer({
        name: 'baseline',
        script: join(here, 'baseline-server.ts'),
        env: { ...process.env, NODE_ENV: 'development' },
        core,
        logFile: join(workDir, 'baseline.log'),
      }).then((server) => (servers.push(server), server)),
      startServer({
        name: 'mibo',
        script: join(here, 'mibo-server.ts'),
        env: miboEnv,
        core,
        logFile: join(workDir, 'mibo.log'),
        readyTimeoutMs: 180_000,
      }).then((server) => (servers.push(server), server)),
    ]);
    log(
      `servers ready in ${((Date.now() - launchStarted) / 1000).toFixed(1)} s (baseline pid ${baseline.pid}, mibo pid ${mibo.pid})`,
    );

    // Idle CPU (timers, pools) is included in every round's reading; show that it is negligible.
    await sleep(1000);
    const idleBefore = [baseline.cpuMicros(), mibo.cpuMicros()];
    await sleep(2000);
    const idle = [baseline.cpuMicros() - idleBefore[0]!, mibo.cpuMicros() - idleBefore[1]!];
    if (mibo.ready.seed) log(`mibo seeded its database: ${describeSeed(mibo.ready.seed)}`);
    log(`idle CPU: baseline ${(idle[0]! / 2000).toFixed(1)} ms/s, mibo ${(idle[1]! / 2000).toFixed(1)} ms/s`);

    const context: ScenarioContext = {
      miboUrl: mibo.url,
      baselineUrl: baseline.url,
      settings,
      ...(database ? { database } : {}),
      log: (m) => log(`  ${m}`),
    };
    const targets: Record<TargetName, ServerProcess> = { baseline, mibo };
    const summaries: ScenarioSummary[] = [];
    const skipped: string[] = [];

    for (const scenario of scenarios) {
      log(`\n${scenario.name}`);
      const prepared = scenario.prepare ? await scenario.prepare(context) : undefined;
      if (prepared) {
        log(`  SKIPPED: ${prepared.skip}`);
        skipped.push(`skipped ${scenario.name}: ${prepared.skip}`);
        continue;
      }
      const plan = (target: TargetName, phase: Phase) => scenario[target](phase, context);
      for (const target of ['baseline', 'mibo'] as const) {
        const warm = await runLoad(targets[target].url, plan(target, 'warmup'), {
          connections: settings.connections,
          duration: settings.warmupSeconds,
        });
        if (isFlagged(warm))
          log(
            `  warm-up ${target}: non-2xx ${warm.non2xx}, errors ${warm.errors} ${JSON.stringify(warm.statusCounts)}`,
          );
      }
      const rounds: RoundRecord[] = [];
      for (let round = 1; round <= settings.rounds; round++) {
        for (const target of ['baseline', 'mibo'] as const) {
          const record = await measureRound(
            targets[target],
            target,
            round,
            plan(target, 'round'),
            { connections: settings.connections, duration: settings.roundSeconds },
            target === 'mibo' ? database : undefined,
          );
          rounds.push(record);
          log(describeRound(record));
        }
      }
      const baselineSummary = summarise(
        plan('baseline', 'round').path,
        rounds.filter((r) => r.target === 'baseline'),
      );
      const miboSummary = summarise(
        plan('mibo', 'round').path,
        rounds.filter((r) => r.target === 'mibo'),
      );
      summaries.push({
        name: scenario.name,
        baseline: baselineSummary,
        mibo: miboSummary,
        cpuRatio: miboSummary.cpuPerRequestMicros / baselineSummary.cpuPerRequestMicros,
        reqPerSecRatio: miboSummary.reqPerSec / baselineSummary.reqPerSec,
        cpuRatioTarget: scenario.cpuRatioTarget ?? null,
        p99TargetMs: scenario.p99TargetMs ?? null,
        rounds,
      });
    }

    const table = renderTable(summaries);
    log(
      `\nMedians of ${settings.rounds} interleaved rounds; Mibo on ${dbLabel}. CPU = server process utime+stime ÷ requests completed.`,
    );
    log(
      database
        ? "DB µs/req = CPU of the run database's PostgreSQL backends (not pinned; may under-count)."
        : "PGlite runs inside the Mibo process: its database work is part of Mibo's CPU µs/req.",
    );
    log(`\n${table}\n`);
    for (const line of renderTargets(summaries, database !== undefined, settings.connections)) log(line);
    for (const line of skipped) log(line);
    const loadAfter = loadavg();
    log(
      `load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')} at start, ${loadAfter.map((n) => n.toFixed(2)).join(' ')} at end`,
    );

    const flagged = summaries.flatMap((s) =>
      s.rounds.filter((r) => r.flagged).map((r) => `${s.name} ${r.target} round ${r.round}`),
    );
    if (flagged.length) console.warn(`! rounds with errors or non-2xx answers: ${flagged.join('; ')}`);

    const results = {
      at: new Date().toISOString(),
      database: database ? 'postgresql' : 'pglite',
      node: process.version,
      pinned,
      loadAverage: { start: loadBefore, end: loadavg() },
      settings,
      summaries,
    };
    const outDir = join(tmpdir(), 'mibo-bench');
    const outFile =
      process.env.BENCH_OUT ?? join(outDir, `${results.at.replace(/[:.]/g, '-')}-${results.database}.json`);
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    if (!process.env.BENCH_OUT)
      writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`results: ${outFile}  (total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return flagged.length ? 1 : 0;
  } catch (error) {
    keepWorkDir = servers.length > 0 || existsSync(join(workDir, 'mibo.log'));
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (!interrupted) await cleanUp();
  }
}

function isFlagged(result: { non2xx: number; errors: number; timeouts: number }): boolean {
  return result.non2xx > 0 || result.errors > 0 || result.timeouts > 0;
}

async function measureRound(
  server: ServerProcess,
  target: TargetName,
  round: number,
  plan: LoadPlan,
  load: LoadSettings,
  database: BenchDatabase | undefined,
): Promise<RoundRecord> {
  const dbBefore = database ? await database.backendCpu() : undefined;
  const cpuBefore = server.cpuMicros();
  const result = await runLoad(server.url, plan, load);
  await sleep(100); // let the last in-flight requests finish on the server
  const cpuMicros = server.cpuMicros() - cpuBefore;
  const dbAfter = database ? await database.backendCpu() : undefined;
  const requests = Math.max(result.requests, 1);
  return {
    ...result,
    target,
    round,
    cpuMicros,
    cpuPerRequestMicros: cpuMicros / requests,
    dbCpuPerRequestMicros: dbBefore && dbAfter ? backendCpuDelta(dbBefore, dbAfter) / requests : null,
    flagged: isFlagged(result) || result.requests === 0,
  };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
