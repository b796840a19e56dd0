// Turns vitest's JSON report and exit code into the counts `npm test` prints. Honest by design:
// a test that did not run (skipped, pending, todo, or left unrun because a `beforeAll` failed)
// is counted as skipped and fails the run; a file or suite that failed without a failing test
// (it did not load, or its setup threw) counts as one failure; a non-zero exit with nothing
// else to show for it counts as one failure too. Tested in tests/unit/testSummary.test.ts.

/**
 * @param {unknown} report vitest's `--reporter=json` output, parsed; undefined when none was written
 * @param {number | null} exitCode vitest's exit status (null when it was killed by a signal)
 * @returns {{ passed: number, failed: number, skipped: number, failures: string[] }}
 */
export function summarizeVitest(report, exitCode) {
  const failures = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const files = report && typeof report === 'object' && Array.isArray(report.testResults) ? report.testResults : undefined;
  if (!files) {
    failures.push(`vitest wrote no report (exit code ${String(exitCode)})`);
    return { passed, failed: 1, skipped, failures };
  }
  const notRun = [];
  for (const file of files) {
    const tests = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    let fileFailed = 0;
    for (const test of tests) {
      if (test.status === 'passed') passed += 1;
      else if (test.status === 'failed') {
        failed += 1;
        fileFailed += 1;
      } else {
        skipped += 1;
        notRun.push(`${file.name}: ${test.fullName ?? test.title} (${test.status})`);
      }
    }
    if (fileFailed > 0) failures.push(`${file.name}: ${fileFailed} test(s) failed`);
    else if (file.status !== 'passed') {
      // Nothing failed inside, yet the file did: it did not load, or a hook threw.
      failed += 1;
      const why = file.message ? file.message : tests.length > 0 ? `a suite failed before its ${tests.length} test(s) could run` : 'no tests ran';
      failures.push(`${file.name}: ${why}`);
    }
  }
  if (notRun.length > 0) failures.push(`${notRun.length} test(s) did not run: ${notRun.join('; ')}`);
  if (exitCode !== 0 && failed === 0) {
    failed += 1;
    failures.push(`vitest exited with code ${String(exitCode)} without a failing test to show for it`);
  }
  if (typeof report.numFailedTestSuites === 'number' && report.numFailedTestSuites > 0 && failed === 0) {
    failed += 1;
    failures.push(`${report.numFailedTestSuites} suite(s) failed`);
  }
  return { passed, failed, skipped, failures };
}

/** The closing line; starts with "N passed, N failed" as it always has. */
export function countsLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
