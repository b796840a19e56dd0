/**
 * Starting the `cwg` command: `cwg --help` against a bare `node -e 0`, alternated in the
 * same run (five of each, after one warm-up of each) so both see the same machine load.
 * The target is absolute only over Node's own start: the command may take at most one
 * second more than starting Node (issue 14: "starting cwg takes under a second"; with tsx
 * compiling the TypeScript at each call it took 7 to 16 s). The command runs its prebuilt
 * bundle (out/cli, made by `npm run build`, which `npm run bench` runs first).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { BenchResult } from '../../scripts/bench';
import { median } from './stats';

const RUNS = 5;
const cwg = resolve(import.meta.dirname, '../../cli/cwg.mjs');

function timed(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return elapsed;
}

export function run(): Promise<BenchResult[]> {
  // Warm-ups: the file cache, and a build if the bundle were stale.
  timed(['-e', '0']);
  timed([cwg, '--help']);
  const node: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    node.push(timed(['-e', '0']));
    command.push(timed([cwg, '--help']));
  }
  const nodeStart = median(node);
  const cwgStart = median(command);
  return Promise.resolve([
    {
      name: 'cwg --help start over node -e 0',
      unit: 'ms',
      median: cwgStart - nodeStart,
      target: 1000,
      note: `cwg --help ${cwgStart.toFixed(0)} ms, node -e 0 ${nodeStart.toFixed(0)} ms, medians of ${String(RUNS)}`,
    },
  ]);
}
