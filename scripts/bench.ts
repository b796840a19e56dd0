/**
 * `npm run bench`: runs every tests/bench/*.bench.ts (each exports `run(): Promise<BenchResult[]>`)
 * and prints one table. Speed targets live here, never in unit tests: the machines are shared
 * and noisy, so benches report medians and ratios over several runs.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  /** e.g. "ms" */
  unit: string;
  median: number;
  p95?: number;
  /** Target the median (or p95 when given) must stay under. */
  target?: number;
  note?: string;
}

const dir = resolve(import.meta.dirname, '../tests/bench');

// The benches time the code the app runs: its main-process bundle and the `cwg` bundle define
// NODE_ENV=production (vite.config.ts), so React renders reports with its production build.
// Set before any bench module (and so React) is imported.
process.env.NODE_ENV ??= 'production';

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
  const rows: BenchResult[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<BenchResult[]> };
    console.log(`running ${file}…`);
    rows.push(...(await module.run()));
  }
  let missed = 0;
  console.log('\nbenchmark | median | p95 | target | verdict');
  for (const row of rows) {
    const measured = row.p95 ?? row.median;
    const verdict = row.target === undefined ? '' : measured <= row.target ? 'PASS' : 'FAIL';
    if (verdict === 'FAIL') missed += 1;
    // Ratios (unit "x") need more than one decimal: 1.14 against a target of 1.1.
    const fmt = (n: number | undefined) => (n === undefined ? '' : `${n.toFixed(row.unit === 'x' ? 3 : 1)} ${row.unit}`);
    console.log(`${row.name} | ${fmt(row.median)} | ${fmt(row.p95)} | ${fmt(row.target)} | ${verdict}${row.note ? ` (${row.note})` : ''}`);
  }
  const targets = rows.filter((row) => row.target !== undefined).length;
  console.log(`\n${missed === 0 ? 'PASS' : 'FAIL'}: ${String(targets - missed)} of ${String(targets)} targets met`);
  process.exit(missed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
