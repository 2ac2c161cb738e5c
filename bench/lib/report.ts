import type { LoadResult } from './load.js';

export type TargetName = 'baseline' | 'mibo';

export interface RoundRecord extends LoadResult {
  target: TargetName;
  round: number;
  cpuMicros: number;
  cpuPerRequestMicros: number;
  /** Database backends' CPU per request (PostgreSQL server on this machine only). */
  dbCpuPerRequestMicros: number | null;
  flagged: boolean;
}

export interface TargetSummary {
  path: string;
  rounds: number;
  flaggedRounds: number;
  reqPerSec: number;
  p99Ms: number;
  cpuPerRequestMicros: number;
  dbCpuPerRequestMicros: number | null;
}

export interface ScenarioSummary {
  name: string;
  baseline: TargetSummary;
  mibo: TargetSummary;
  /** mibo ÷ baseline, of the medians. */
  cpuRatio: number;
  reqPerSecRatio: number;
  cpuRatioTarget: number | null;
  p99TargetMs: number | null;
  rounds: RoundRecord[];
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarise(path: string, rounds: RoundRecord[]): TargetSummary {
  const db = rounds.map((r) => r.dbCpuPerRequestMicros).filter((v): v is number => v !== null);
  return {
    path,
    rounds: rounds.length,
    flaggedRounds: rounds.filter((r) => r.flagged).length,
    reqPerSec: median(rounds.map((r) => r.reqPerSec)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    cpuPerRequestMicros: median(rounds.map((r) => r.cpuPerRequestMicros)),
    dbCpuPerRequestMicros: db.length ? median(db) : null,
  };
}

export function describeRound(r: RoundRecord): string {
  const problems = r.flagged
    ? `  FLAGGED: non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}, statuses ${JSON.stringify(r.statusCounts)}`
    : '';
  const db = r.dbCpuPerRequestMicros === null ? '' : ` (+ db ${fmt(r.dbCpuPerRequestMicros, 1)})`;
  return (
    `  round ${r.round} ${r.target.padEnd(8)} ${fmt(r.requests, 0).padStart(7)} req in ${r.seconds.toFixed(1)} s` +
    `  ${fmt(r.reqPerSec, 0).padStart(7)} req/s  p99 ${(r.p99Ms === 0 ? '<1' : fmt(r.p99Ms, 1)).padStart(6)} ms` +
    `  CPU ${fmt(r.cpuPerRequestMicros, 1).padStart(8)} µs/req${db}${problems}`
  );
}

export function renderTable(summaries: ScenarioSummary[]): string {
  const header = ['endpoint', 'server', 'req/s', 'p99 ms', 'CPU µs/req', 'DB µs/req', 'flagged'];
  const rows: string[][] = [];
  for (const s of summaries) {
    for (const target of ['baseline', 'mibo'] as const) {
      const t = s[target];
      rows.push([
        target === 'baseline' ? s.name : '',
        `${target} ${t.path}`,
        fmt(t.reqPerSec, 0),
        t.p99Ms === 0 ? '<1' : fmt(t.p99Ms, 1),
        fmt(t.cpuPerRequestMicros, 1),
        t.dbCpuPerRequestMicros === null ? '-' : fmt(t.dbCpuPerRequestMicros, 1),
        t.flaggedRounds ? `${t.flaggedRounds}/${t.rounds}` : '',
      ]);
    }
    rows.push(['', 'mibo / baseline', ratio(s.reqPerSecRatio), '', ratio(s.cpuRatio), '', '']);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(header), rule];
  summaries.forEach((_, index) => {
    out.push(...rows.slice(index * 3, index * 3 + 3).map(line));
    if (index < summaries.length - 1) out.push('');
  });
  return out.join('\n');
}

function ratio(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return `${value >= 100 ? value.toFixed(0) : value >= 0.1 ? value.toFixed(2) : value.toPrecision(2)}×`;
}

function fmt(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** One line per scenario target: met or missed (targets are defined on PostgreSQL). */
export function renderTargets(
  summaries: ScenarioSummary[],
  onPostgres: boolean,
  connections: number,
): string[] {
  const note = onPostgres ? '' : ' (informative: targets are measured on PostgreSQL)';
  return summaries.flatMap((s) => [
    ...(s.cpuRatioTarget === null
      ? []
      : [
          `target ${s.name}: CPU per request ≤ ${s.cpuRatioTarget}× baseline → ${s.cpuRatio.toFixed(2)}×, ` +
            `${s.cpuRatio <= s.cpuRatioTarget ? 'met' : 'MISSED'}${note}`,
        ]),
    ...(s.p99TargetMs === null ? [] : [latencyTarget(s, s.p99TargetMs, connections) + note]),
  ]);
}

/** Mibo's p99 (median of rounds, and the worst round) and every non-2xx answer over its rounds. */
function latencyTarget(s: ScenarioSummary, targetMs: number, connections: number): string {
  const rounds = s.rounds.filter((r) => r.target === 'mibo');
  const statuses: Record<string, number> = {};
  for (const round of rounds) {
    for (const [status, count] of Object.entries(round.statusCounts)) {
      statuses[status] = (statuses[status] ?? 0) + count;
    }
  }
  const total = (entries: Array<[string, number]>) => entries.reduce((sum, [, count]) => sum + count, 0);
  const non2xx = Object.entries(statuses).filter(([status]) => !status.startsWith('2'));
  const failures =
    total(non2xx.filter(([status]) => status.startsWith('5'))) +
    rounds.reduce((sum, r) => sum + r.errors + r.timeouts, 0);
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const worst = Math.max(...rounds.map((r) => r.p99Ms));
  const met = s.mibo.p99Ms < targetMs && failures === 0;
  const detail = non2xx.length ? ` ${JSON.stringify(Object.fromEntries(non2xx))}` : '';
  return (
    `target ${s.name}: p99 < ${targetMs} ms at ${connections} connections, no 5xx → ` +
    `p99 ${fmt(s.mibo.p99Ms, 1)} ms (worst round ${fmt(worst, 1)} ms), ${fmt(requests, 0)} requests, ` +
    `non-2xx ${total(non2xx)}${detail}, 5xx/errors/timeouts ${failures}, ${met ? 'met' : 'MISSED'}`
  );
}
