// The import boundaries eslint.config.js draws between runtimes, checked on sample imports
// placed in real files of each folder: the command line and the services it shares with the
// Electron main (issue 17 item 6), and the older rules they sit beside.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
// Only the boundary rule, parsed without type information: fast, and nothing else can fail.
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function refusals(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = 1;\n`, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((message) => `${String(message.ruleId)}: ${message.message}`);
}

// Loading ESLint and its config takes seconds on a busy machine: once, before the checks.
describe('lint boundaries', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    await eslint.calculateConfigForFile(resolve(root, 'cli/bundle.ts'));
    await refusals('cli/bundle.ts', '');
  }, 60_000);

  it.each([
    ["import { app } from 'electron';", 'without Electron'],
    ["import { createDispatch } from '../electron/main/ipc/dispatch';", 'shared/ and electron/main/services/ only'],
    ["import { createMainWindow } from '../electron/main/windows';", 'shared/ and electron/main/services/ only'],
    ["import { createShellPort } from '../electron/main/services/electronPorts';", 'shared/ and electron/main/services/ only'],
    ["import { db } from '../renderer/db/db';", 'never imports the renderer'],
    ["import { create } from 'zustand';", 'no storage or UI state'],
  ])('refuses in cli/: %s', async (source, reason) => {
    const messages = await refusals('cli/bundle.ts', source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });

  it('lets cli/ use shared/ and the main-process services', async () => {
    expect(
      await refusals(
        'cli/report.ts',
        ["import { writeFileAtomic } from '../electron/main/services/atomicFile';", "import { ServiceError } from '../electron/main/services/serviceError';", "import { parseBundle } from '../shared/sync/bundleRead';", "import { readFile } from 'node:fs/promises';"].join('\n'),
      ),
    ).toEqual([]);
  });

  it('keeps the shared services free of the IPC layer and of Electron', async () => {
    const ipc = await refusals('electron/main/services/fileService.ts', "import { createDispatch } from '../ipc/dispatch';");
    expect(ipc).toHaveLength(1);
    expect(ipc[0]).toContain('throw ServiceError');
    const electron = await refusals('electron/main/services/backupService.ts', "import { app } from 'electron';");
    expect(electron).toHaveLength(1);
    expect(electron[0]).toContain('Only electronPorts.ts adapts Electron');
    // The adapter itself may use Electron, but not the IPC layer either.
    expect(await refusals('electron/main/services/electronPorts.ts', "import { app } from 'electron';")).toEqual([]);
    expect(await refusals('electron/main/services/electronPorts.ts', "import { createDispatch } from '../ipc/dispatch';")).toHaveLength(1);
    // The shared IPC contract is not the IPC layer: services use its types.
    expect(await refusals('electron/main/services/fileService.ts', "import type { FilePurpose } from '../../../shared/ipc/contract';")).toEqual([]);
  });

  it('still keeps shared/ pure and the renderer away from Node', async () => {
    expect(await refusals('shared/csp.ts', "import { readFile } from 'node:fs/promises';")).toHaveLength(1);
    expect(await refusals('renderer/lib/api.ts', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
  });
});
