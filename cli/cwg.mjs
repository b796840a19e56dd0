#!/usr/bin/env node
// `npx cwg …`: runs the prebuilt command (out/cli/cwg.mjs, made by `npm run build` or
// `vite build --mode cli`), so starting it costs a Node start, not a TypeScript compile
// (tsx took 7 to 16 s for `cwg --help` on the shared machine). When the build is missing or
// older than any of its sources, it is built first (a few seconds, once), so a checkout
// never runs stale code. Nothing generated is committed: out/ is ignored.
import { spawnSync } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(realpathSync(fileURLToPath(import.meta.url)));
const root = join(here, '..');
const built = join(root, 'out', 'cli', 'cwg.mjs');

/** The folders the command is built from (cli/report.ts imports shared/ and the main-process services). */
const SOURCE_FOLDERS = ['cli', 'shared', join('electron', 'main', 'services')];
const SOURCE_FILES = ['vite.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time among the sources, in ms. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const folder of SOURCE_FOLDERS) visit(join(root, folder));
  for (const file of SOURCE_FILES) {
    try {
      newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
    } catch {
      // package-lock.json may be absent; the others are always there.
    }
  }
  return newest;
}

function builtTime() {
  try {
    return statSync(built).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtTime() < newestSource()) {
  const require = createRequire(join(root, 'package.json'));
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  process.stderr.write('cwg: building the command (out/cli) from its sources…\n');
  // The build's own messages go to stderr, so a script reading cwg's output sees only cwg's.
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'cli'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('cwg: the build failed (see above); nothing was run.\n');
    process.exit(result.status ?? 1);
  }
}

await import(pathToFileURL(built).href);
