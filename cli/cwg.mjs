#!/usr/bin/env node
// `npx cwg …`: runs cli/main.ts through tsx (a dev dependency), so the command uses the same
// TypeScript sources as the app and its tests, without a separate build.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(realpathSync(fileURLToPath(import.meta.url)));
const require = createRequire(join(here, '..', 'package.json'));
const tsxCli = require.resolve('tsx/cli');
// The project's tsconfig gives tsx the JSX settings of the report templates.
const tsconfig = join(here, '..', 'tsconfig.node.json');
const result = spawnSync(process.execPath, [tsxCli, '--tsconfig', tsconfig, join(here, 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
