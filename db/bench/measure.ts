/** Timing helpers for `npm run bench`: many runs after a warm-up, reported as percentiles. */
export interface Timing {
  p50: number;
  p95: number;
}

/**
 * Times the API call, the core function and the raw SQL baseline in the same loop, rotating their
 * order each run, so background load on a busy machine lands on all three alike.
 */
export async function compare(
  runs: number,
  bodies: { api: (run: number) => unknown; core: (run: number) => unknown; raw: (run: number) => unknown },
): Promise<{ api: Timing; core: Timing; raw: Timing }> {
  const keys = ['api', 'core', 'raw'] as const;
  const samples = { api: [] as number[], core: [] as number[], raw: [] as number[] };
  for (let run = -20; run < runs; run++) {
    for (let turn = 0; turn < keys.length; turn++) {
      const key = keys[(Math.abs(run) + turn) % keys.length]!;
      const started = process.hrtime.bigint();
      await bodies[key](Math.abs(run));
      if (run >= 0) samples[key].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const summarize = (values: number[]): Timing => {
    values.sort((a, b) => a - b);
    const at = (fraction: number) => values[Math.min(values.length - 1, Math.floor(values.length * fraction))]!;
    return { p50: at(0.5), p95: at(0.95) };
  };
  return { api: summarize(samples.api), core: summarize(samples.core), raw: summarize(samples.raw) };
}

export interface BenchResult {
  name: string;
  /** Through the API as the app calls it (in-process tRPC caller: input parsing, middleware). */
  api: Timing;
  /** The core's query function alone: what the ratio to raw SQL judges. */
  core: Timing;
  raw: Timing;
  /** Budget on the API's p95, in ms. */
  budgetMs: number;
  /** Budget on core p95 / raw p95 (null: no ratio budget). */
  maxRatio: number | null;
}

export function report(results: BenchResult[]): boolean {
  let ok = true;
  const rows = results.map((result) => {
    const ratio = result.core.p95 / Math.max(result.raw.p95, 0.001);
    const pass = result.api.p95 <= result.budgetMs && (result.maxRatio === null || ratio <= result.maxRatio);
    ok &&= pass;
    return {
      'hot path': result.name,
      'api p50': result.api.p50.toFixed(2),
      'api p95': result.api.p95.toFixed(2),
      'core p95': result.core.p95.toFixed(2),
      'raw p50': result.raw.p50.toFixed(2),
      'raw p95': result.raw.p95.toFixed(2),
      'core/raw p95': ratio.toFixed(2),
      budget: `${result.budgetMs} ms${result.maxRatio ? `, ${result.maxRatio}x` : ''}`,
      result: pass ? 'ok' : 'OVER',
    };
  });
  console.table(rows);
  return ok;
}
