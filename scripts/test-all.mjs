// `npm test`: every check the project has, in order, and one closing line
// "N passed, N failed, N skipped" (CI reads its "N passed, N failed" start).
// Lint and each runtime's typecheck count as one check each; vitest counts its own tests
// (unit, storage and end-to-end, the last against a fresh build of the renderer).
// The run fails when any check fails, vitest exits non-zero, a test file or suite fails, or any
// test is skipped or pending (a suite whose beforeAll throws leaves its tests skipped).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { countsLine, summarizeVitest } from './vitestSummary.mjs';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status;
}

function check(label, command, args) {
  if (run(label, command, args) === 0) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

const npx = 'npx';
check('lint', npx, ['eslint', '--max-warnings', '0', '.']);
// The packages the installer ships (`dependencies`) are installed, complete and consistent.
check('npm ls --omit=dev', 'npm', ['ls', '--omit=dev']);
for (const runtime of ['shared', 'renderer', 'electron', 'node']) {
  check(`typecheck ${runtime}`, npx, ['tsc', '-p', `tsconfig.${runtime}.json`]);
}

const built = run('build (renderer, main, preload, test-host preload)', 'npm', ['run', '--silent', 'build']) === 0;
if (!built) {
  failed += 1;
  failures.push('build');
}

mkdirSync('out', { recursive: true });
const report = 'out/vitest-report.json';
rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit', '--project', 'db'];
const vitestExit = run('vitest (unit, db, e2e)', npx, ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
let results;
try {
  results = JSON.parse(readFileSync(report, 'utf8'));
} catch (error) {
  console.log(`vitest report unreadable: ${error.message}`);
}
const vitest = summarizeVitest(results, vitestExit);
passed += vitest.passed;
failed += vitest.failed;
skipped += vitest.skipped;
failures.push(...vitest.failures);

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(countsLine({ passed, failed, skipped }));
process.exit(failed === 0 && skipped === 0 ? 0 : 1);
