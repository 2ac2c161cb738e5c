import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { processCpuMicros } from './cpu.js';

export interface ServerProcess {
  name: string;
  pid: number;
  url: string;
  logFile: string;
  /** Whatever else the server reported with its port (the bench Mibo server: what it seeded). */
  ready: Record<string, unknown>;
  /** CPU time the server process has used so far, in microseconds. */
  cpuMicros(): number;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** TypeScript entry point, run with `node --import tsx`; it must `process.send({ ready, port })`. */
  script: string;
  env: NodeJS.ProcessEnv;
  /** Core to pin the server to with `taskset -c`, or undefined to leave it unpinned. */
  core: number | undefined;
  logFile: string;
  readyTimeoutMs?: number;
}

/**
 * Starts a server as its own process (pinned with `taskset`, which execs node so the pid is the
 * server's), waits until it reports its port, and exposes its CPU time for per-request accounting.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  // BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it stops (for finding hot spots).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const node = [process.execPath, ...profile, '--import', 'tsx', options.script];
  const [command, ...args] =
    options.core === undefined ? node : ['taskset', '-c', String(options.core), ...node];
  const log = openSync(options.logFile, 'w');
  const child = spawn(command!, args, {
    env: options.env,
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  const ready = await waitUntilReady(child, options);
  const port = ready.port;
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    name: options.name,
    pid,
    url: `http://127.0.0.1:${port}`,
    logFile: options.logFile,
    ready,
    cpuMicros() {
      const micros = processCpuMicros(pid);
      if (micros === undefined) throw new Error(`${options.name} server (pid ${pid}) is not running`);
      return micros;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitUntilReady(
  child: ChildProcess,
  options: StartOptions,
): Promise<Record<string, unknown> & { port: number }> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new Error(
          `${options.name} server ${why}\n--- ${options.logFile} (tail) ---\n${tail(options.logFile)}`,
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`was not ready within ${(options.readyTimeoutMs ?? 120_000) / 1000} s`),
      options.readyTimeoutMs ?? 120_000,
    );
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited before it was ready (${signal ?? `code ${code}`})`));
    child.on('message', (message: unknown) => {
      if (typeof message === 'object' && message && 'port' in message && typeof message.port === 'number') {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ ...message, port: message.port });
      }
    });
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
