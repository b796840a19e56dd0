export interface VitestCounts {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}
export function summarizeVitest(report: unknown, exitCode: number | null): VitestCounts;
export function countsLine(counts: { passed: number; failed: number; skipped: number }): string;
