/** Summary statistics for the benchmarks (tests/bench/*.bench.ts): medians and percentiles of timings. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The smallest value at or above p percent of the values (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const p95 = (values: readonly number[]): number => percentile(values, 95);

export function max(values: readonly number[]): number {
  return values.reduce((a, b) => Math.max(a, b), 0);
}
