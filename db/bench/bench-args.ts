/**
 * The bench's command line: `--scale 20k | 100k | 1m` (default 100k) and `--only <text>`, which runs
 * only the hot paths whose name contains the text (case-insensitive; given more than once, any of
 * them), so one path can be measured without the six minutes of a full run.
 */
import { parseArgs } from 'node:util';

/**
 * `seedBudgetMs` covers the whole seed (people, sales, the index builds). At 1m the activities are
 * not scaled tenfold: the timeline reads one contact's entries through (contact_id, occurred_at), so
 * its cost follows that contact's depth and the index's height (the same at 2 and 10 million rows),
 * not the table's size. 2 000 000 keeps the busiest hundred contacts at 2 000 entries each (deeper
 * than at 100k) and every other contact with a few, where 10 000 000 took most of a 36-minute run.
 * 20k is for working on the bench and on one path: a fifth of 100k, held to 100k's budgets.
 */
export const SCALES = {
  '20k': { contacts: 20_000, companies: 4_000, deals: 10_000, activities: 200_000, orders: 10_000, seedBudgetMs: 45_000, openBudgetMs: 1_000 },
  '100k': { contacts: 100_000, companies: 20_000, deals: 50_000, activities: 1_000_000, orders: 50_000, seedBudgetMs: 45_000, openBudgetMs: 1_000 },
  '1m': { contacts: 1_000_000, companies: 200_000, deals: 500_000, activities: 2_000_000, orders: 500_000, seedBudgetMs: 360_000, openBudgetMs: 2_000 },
} as const;

export type ScaleName = keyof typeof SCALES;
export type Scale = (typeof SCALES)[ScaleName];

export interface BenchArgs {
  scaleName: ScaleName;
  scale: Scale;
  /** Lower-cased `--only` texts; empty: every path. */
  only: string[];
}

export const BENCH_USAGE = `Usage: npm run bench -- [--scale ${Object.keys(SCALES).join(' | ')}] [--only <text>]...

  --scale   the seeded workspace's size (default 100k)
  --only    run only the measurements whose name contains the text (case-insensitive), e.g.
            --only "contact page" or --only open (opening the app in Chromium); may be repeated`;

/** Throws an Error naming the problem and the usage on anything it does not understand. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let values: { scale?: string; only?: string[] };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { scale: { type: 'string' }, only: { type: 'string', multiple: true } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${BENCH_USAGE}`, { cause: error });
  }
  const scaleName = values.scale ?? '100k';
  if (!Object.hasOwn(SCALES, scaleName)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}, not "${scaleName}".\n\n${BENCH_USAGE}`);
  const only = (values.only ?? []).map((text) => text.trim().toLowerCase());
  if (only.some((text) => text === '')) throw new Error(`--only needs some text to look for in the paths' names.\n\n${BENCH_USAGE}`);
  return { scaleName: scaleName as ScaleName, scale: SCALES[scaleName as ScaleName], only };
}

/** Whether the measurement called `name` runs under `only`. */
export function isSelected(only: readonly string[], name: string): boolean {
  if (only.length === 0) return true;
  const lower = name.toLowerCase();
  return only.some((text) => lower.includes(text));
}
