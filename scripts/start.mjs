// `npm start`: builds the app, then runs it in Electron. When the Electron binary is
// missing (npm here runs with ignore-scripts, so electron's own postinstall download never
// ran), it tries that download once; when that fails too, it says so in one line and opens
// the same built app in the system's Chromium (scripts/host.ts, as `npm run host` does).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Runs a command in the project folder with the terminal attached; returns its exit code. */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`Could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/** `npm run <script>`, through the npm that started us when there is one (works on Windows too). */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && existsSync(npmCli)) return run(process.execPath, [npmCli, 'run', script]);
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

/**
 * The Electron executable, or null. `require('electron')` returns its path, and throws
 * when node_modules/electron/path.txt is missing (the binary was never downloaded).
 * A failed require is not cached, so calling this again after a download sees the result.
 */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const buildStatus = npmRun('build');
if (buildStatus !== 0) {
  console.error('The build failed; not starting the app.');
  process.exit(buildStatus);
}

let electron = electronBinary();
if (electron === null) {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (existsSync(installer)) {
    console.log('The Electron binary is not installed yet; downloading it once (node node_modules/electron/install.js)...');
    run(process.execPath, [installer]);
    electron = electronBinary();
  }
}

if (electron === null) {
  // Issue 16: open the app anyway. One line says why it is not the desktop shell; the same
  // built app then opens in this system's Chromium with the same main-process handlers
  // (scripts/host.ts, what `npm run host` runs after its build, which is done already).
  console.error("Electron could not be downloaded here, so CWG Desk opens in this system's Chromium instead (retry Electron later: node node_modules/electron/install.js).");
  const tsxCli = require.resolve('tsx/cli');
  process.exit(run(process.execPath, [tsxCli, join(root, 'scripts', 'host.ts')]));
}

// ELECTRON_RUN_AS_NODE (set by some tools) would make Electron behave as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Could not start Electron: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
