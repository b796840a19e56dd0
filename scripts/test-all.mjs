// `npm test`: every check the project has, in order, and one closing line "N passed, N failed".
// Lint and each runtime's typecheck count as one check each; vitest counts its own tests
// (unit, storage and end-to-end, the last against a fresh build of the renderer).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

const npx = 'npx';
check('lint', npx, ['eslint', '--max-warnings', '0', '.']);
for (const runtime of ['shared', 'renderer', 'electron', 'node']) {
  check(`typecheck ${runtime}`, npx, ['tsc', '-p', `tsconfig.${runtime}.json`]);
}

const built = run('build (renderer, main, preload, test-host preload)', 'npm', ['run', '--silent', 'build']);
if (!built) {
  failed += 1;
  failures.push('build');
}

mkdirSync('out', { recursive: true });
const report = 'out/vitest-report.json';
rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit', '--project', 'db'];
run('vitest (unit, db, e2e)', npx, ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A test file that fails to load has no tests to count: count the file as a failure.
  for (const file of results.testResults) {
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed += 1;
      failures.push(`${file.name}: ${file.message}`);
    }
  }
  if (results.numFailedTests > 0) failures.push(`${results.numFailedTests} vitest test(s)`);
} catch (error) {
  failed += 1;
  failures.push(`vitest produced no report (${error.message})`);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
