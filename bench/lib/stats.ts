/** Small statistics helpers for the benchmark: percentiles of samples, spreads of repeated runs. */

/** The q-quantile (0..1) of sorted samples, nearest-rank; NaN when there are none. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** p50/p95/p99/max of latency samples in milliseconds (the samples are sorted in place). */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export function summarizeLatencies(samples: Float64Array): LatencySummary {
  samples.sort();
  return {
    p50: quantileSorted(samples, 0.5),
    p95: quantileSorted(samples, 0.95),
    p99: quantileSorted(samples, 0.99),
    max: samples.length ? (samples[samples.length - 1] ?? Number.NaN) : Number.NaN,
    count: samples.length,
  };
}

/** min / median / max of one figure over repeated runs. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  const median = sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { min: at(0), median, max: at(sorted.length - 1) };
}

/** Least-squares slope of y over x (units of y per unit of x); NaN with fewer than two points. */
export function slopeOf(points: ReadonlyArray<{ x: number; y: number }>): number {
  if (points.length < 2) return Number.NaN;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - meanX) * (p.y - meanY);
    den += (p.x - meanX) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}
