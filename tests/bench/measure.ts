/**
 * Timing through the real app in-process: `app.request()` runs routing, auth, validation, the
 * queries and JSON serialisation, without a socket. Targets are interleaved per iteration in a
 * rotating order, so a noisy neighbour slows the baseline and the subject alike and the ratios
 * stay meaningful.
 */

export interface App {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

export interface Call {
  path: string;
  token?: string;
}

export interface Target {
  label: string;
  app: App;
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Mean number of items (or counted requests for the dashboard) per response. */
  meanSize: number;
}

export class BenchError extends Error {}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarize(ms: readonly number[], sizes: readonly number[] = []): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    meanSize: sizes.length === 0 ? 0 : sizes.reduce((a, b) => a + b, 0) / sizes.length,
  };
}

/** How much a response carries: list length, or the requests a dashboard counted. */
function sizeOf(body: string): number {
  const json = JSON.parse(body) as { items?: unknown[]; byStatusKind?: { n: number }[] };
  if (Array.isArray(json.items)) return json.items.length;
  if (Array.isArray(json.byStatusKind)) return json.byStatusKind.reduce((a, r) => a + r.n, 0);
  return 0;
}

/** One timed call: from `app.request` to the last byte of the body. Throws on non-200. */
export async function timedCall(app: App, call: Call): Promise<{ ms: number; body: string }> {
  const init = call.token ? { headers: { authorization: `Bearer ${call.token}` } } : undefined;
  const started = performance.now();
  const response = await app.request(call.path, init);
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) {
    throw new BenchError(`GET ${call.path} → ${response.status}: ${body.slice(0, 300)}`);
  }
  return { ms, body };
}

/**
 * Runs `warmup + runs` iterations; in each, every target answers the same call (chosen by
 * `callFor(i)`) in an order that rotates with i. Returns timings and sizes per target.
 */
export async function measureInterleaved(
  targets: readonly Target[],
  callFor: (iteration: number, target: Target) => Call,
  warmup: number,
  runs: number,
): Promise<Map<string, { ms: number[]; sizes: number[] }>> {
  const results = new Map(targets.map((t) => [t.label, { ms: [] as number[], sizes: [] as number[] }]));
  for (let i = 0; i < warmup + runs; i++) {
    for (let k = 0; k < targets.length; k++) {
      const target = targets[(i + k) % targets.length];
      if (!target) continue;
      const { ms, body } = await timedCall(target.app, callFor(i, target));
      if (i >= warmup) {
        const slot = results.get(target.label);
        slot?.ms.push(ms);
        slot?.sizes.push(sizeOf(body));
      }
    }
  }
  return results;
}
