/** Timing helpers for `npm run bench`: many runs after a warm-up, reported as percentiles. */
export interface Timing {
  p50: number;
  p95: number;
}

/**
 * The ways a hot path is called, as table columns, left to right:
 * - `core`: the core's query function alone (what the ratio to raw SQL judges);
 * - `api`: the in-process tRPC caller (input parsing, middleware);
 * - `port`: the bundled core in its own process over its message protocol, as the Electron renderer calls it
 *   (here over the child process's channel; in Electron a MessagePort carries the same messages);
 * - `http`: the browser host over HTTP on loopback, as the browser renderer calls it.
 */
export const TRANSPORTS = ['core', 'api', 'port', 'http'] as const;

/** Issue 7 §9: the core process's message protocol adds at most this much p95 over the in-process call. */
export const PORT_OVERHEAD_BUDGET_MS = 1;
export type Transport = (typeof TRANSPORTS)[number];
type Body = (run: number) => unknown;

/**
 * Times every body in the same loop, rotating their order each run, so background load on a busy
 * machine lands on all of them alike. `raw` is the hand-written SQL baseline.
 */
export async function compare(
  runs: number,
  bodies: Partial<Record<Transport, Body>> & { raw: Body },
): Promise<{ timings: Partial<Record<Transport | 'raw', Timing>> }> {
  const keys = Object.keys(bodies) as (Transport | 'raw')[];
  const samples = new Map(keys.map((key) => [key, [] as number[]]));
  const warmUp = Math.min(20, Math.ceil(runs / 5));
  for (let run = -warmUp; run < runs; run++) {
    for (let turn = 0; turn < keys.length; turn++) {
      const key = keys[(Math.abs(run) + turn) % keys.length]!;
      const started = process.hrtime.bigint();
      await bodies[key]!(Math.abs(run));
      if (run >= 0) samples.get(key)!.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const summarize = (values: number[]): Timing => {
    values.sort((a, b) => a - b);
    const at = (fraction: number) => values[Math.min(values.length - 1, Math.floor(values.length * fraction))]!;
    return { p50: at(0.5), p95: at(0.95) };
  };
  return { timings: Object.fromEntries(keys.map((key) => [key, summarize(samples.get(key)!)])) };
}

export interface BenchResult {
  name: string;
  timings: Partial<Record<Transport | 'raw', Timing>>;
  /** Budget on the p95 of `budgetOn` (default `api`), in ms. */
  budgetMs: number;
  budgetOn?: Transport;
  /** Budget on core p95 / raw p95 (null: no ratio budget). */
  maxRatio: number | null;
  /** Budget on the p95 through the core process's message protocol, in ms. */
  portBudgetMs?: number;
}

export function report(results: BenchResult[]): boolean {
  let ok = true;
  const present = TRANSPORTS.filter((transport) => results.some((result) => result.timings[transport]));
  const rows = results.map((result) => {
    const core = result.timings.core?.p95 ?? Number.NaN;
    const raw = result.timings.raw?.p95 ?? Number.NaN;
    const ratio = core / Math.max(raw, 0.001);
    const budgetOn = result.budgetOn ?? 'api';
    const measured = result.timings[budgetOn]?.p95 ?? result.timings.api?.p95 ?? Number.NaN;
    const port = result.timings.port?.p95;
    const overhead = port !== undefined && result.timings.api ? port - result.timings.api.p95 : null;
    const portPass = (overhead === null || overhead <= PORT_OVERHEAD_BUDGET_MS) && (result.portBudgetMs === undefined || (port ?? Infinity) <= result.portBudgetMs);
    const pass = measured <= result.budgetMs && (result.maxRatio === null || ratio <= result.maxRatio) && portPass;
    ok &&= pass;
    const row: Record<string, string> = { 'hot path': result.name };
    for (const transport of present) {
      const timing = result.timings[transport];
      row[`${transport} p50`] = timing ? timing.p50.toFixed(2) : '';
      row[`${transport} p95`] = timing ? timing.p95.toFixed(2) : '';
    }
    row['raw p95'] = Number.isFinite(raw) ? raw.toFixed(2) : '';
    row['core/raw p95'] = Number.isFinite(ratio) ? ratio.toFixed(2) : '';
    row['port−api p95'] = overhead === null ? '' : overhead.toFixed(2);
    row.budget = `${budgetOn} p95 ${result.budgetMs} ms${result.maxRatio ? `, ${result.maxRatio}x` : ''}${result.portBudgetMs ? `, port ${result.portBudgetMs} ms` : ''}${overhead === null ? '' : `, port+${PORT_OVERHEAD_BUDGET_MS}`}`;
    row.result = pass ? 'ok' : 'OVER';
    return row;
  });
  console.table(rows);
  return ok;
}
