// `npm test`'s counts (scripts/vitestSummary.mjs) against reports vitest itself wrote for
// fixture files that fail in the ways a green-looking run used to hide.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countsLine, summarizeVitest } from '../../scripts/vitestSummary.mjs';

const fixtures = resolve(import.meta.dirname, '../fixtures/vitest-summary');
const vitestBin = resolve(import.meta.dirname, '../../node_modules/vitest/vitest.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'cwg-summary-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const runs = new Map<string, { report: unknown; exitCode: number | null }>();

function runFixtures(files: string[]): { report: unknown; exitCode: number | null } {
  const key = files.join('-');
  const cached = runs.get(key);
  if (cached) return cached;
  const outputFile = join(scratch, `${key}.json`);
  const result = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--config', join(fixtures, 'vitest.config.ts'), '--reporter=json', `--outputFile.json=${outputFile}`, ...files],
    { cwd: fixtures, encoding: 'utf8', env: { ...process.env, CI: '1' } },
  );
  const run = { report: JSON.parse(readFileSync(outputFile, 'utf8')) as unknown, exitCode: result.status };
  runs.set(key, run);
  return run;
}

describe('vitest summary', () => {
  it('counts the tests of a suite whose beforeAll threw as skipped, and the suite as a failure', () => {
    const { report, exitCode } = runFixtures(['brokenSetup']);
    expect(exitCode).not.toBe(0);
    const counts = summarizeVitest(report, exitCode);
    expect(counts).toMatchObject({ passed: 0, failed: 1, skipped: 2 });
    expect(counts.failures.join('\n')).toContain('brokenSetup.fixture.ts');
  }, 60_000);

  it('counts passed, failed, skipped and todo tests, and a file that did not load', () => {
    const { report, exitCode } = runFixtures(['mixed', 'loadError', 'allPass']);
    const counts = summarizeVitest(report, exitCode);
    expect(counts).toMatchObject({ passed: 2, failed: 2, skipped: 2 });
    const failures = counts.failures.join('\n');
    expect(failures).toContain('does-not-exist');
    expect(failures).toContain('is skipped (skipped)');
    expect(failures).toContain('is todo (todo)');
  }, 60_000);

  it('reports a clean run as clean', () => {
    const { report, exitCode } = runFixtures(['allPass']);
    expect(exitCode).toBe(0);
    expect(summarizeVitest(report, exitCode)).toEqual({ passed: 1, failed: 0, skipped: 0, failures: [] });
  }, 60_000);

  it('fails a run whose vitest exited non-zero even when every test in the report passed', () => {
    const { report } = runFixtures(['allPass']);
    const counts = summarizeVitest(report, 1);
    expect(counts).toMatchObject({ passed: 1, failed: 1, skipped: 0 });
    expect(summarizeVitest(report, null).failed).toBe(1);
  }, 60_000);

  it('fails a run without a report', () => {
    expect(summarizeVitest(undefined, 0)).toMatchObject({ passed: 0, failed: 1 });
    expect(summarizeVitest({ numPassedTests: 5 }, 0)).toMatchObject({ failed: 1 });
  });

  it('ends with a line CI can read as "N passed, N failed"', () => {
    const line = countsLine({ passed: 7, failed: 0, skipped: 3 });
    expect(line).toBe('7 passed, 0 failed, 3 skipped');
    expect(line).toMatch(/^(\d+) passed, (\d+) failed\b/);
  });
});
