// The Electron fuses the packaged app ships with (build/afterPack.mjs, run by electron-builder
// after it lays out the app and before it signs): every fuse set, and set the safe way.
import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import afterPackDefault, { createAfterPack, electronBinaryPath, fuseConfig, isRelease, type PackContext } from '../../build/afterPack.mjs';

const root = resolve(import.meta.dirname, '../..');

/** Fuse name → value, so failures read as words instead of indices. */
function named(config: FuseConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    const index = Number(key);
    out[Number.isInteger(index) ? String(FuseV1Options[index]) : key] = value;
  }
  return out;
}

const context = (electronPlatformName: string, arch = 1): PackContext => ({
  appOutDir: '/dist/out',
  electronPlatformName,
  arch,
  packager: { appInfo: { productFilename: 'CWG Desk' }, executableName: 'cwg-desk' },
});

describe('Electron fuses', () => {
  it('turns off Node-as-a-runtime and debugging hooks in a release, and loads code only from the checked asar', () => {
    expect(named(fuseConfig({ release: true }))).toEqual({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('sets every fuse this @electron/fuses knows, so none is left at Electron\'s default', () => {
    const config = fuseConfig({ release: true }) as Record<number, unknown>;
    const known = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number');
    for (const fuse of known) expect(typeof config[fuse], String(FuseV1Options[fuse])).toBe('boolean');
  });

  it('keeps NODE_OPTIONS and --inspect only in a debug build, and nothing else differs', () => {
    const debug = named(fuseConfig({ release: false }));
    const release = named(fuseConfig({ release: true }));
    expect(debug.EnableNodeOptionsEnvironmentVariable).toBe(true);
    expect(debug.EnableNodeCliInspectArguments).toBe(true);
    const { EnableNodeOptionsEnvironmentVariable: _a, EnableNodeCliInspectArguments: _b, ...restDebug } = debug;
    const { EnableNodeOptionsEnvironmentVariable: _c, EnableNodeCliInspectArguments: _d, ...restRelease } = release;
    expect(restDebug).toEqual(restRelease);
    expect(isRelease({})).toBe(true);
    expect(isRelease({ CWG_DEBUG_BUILD: '0' })).toBe(true);
    expect(isRelease({ CWG_DEBUG_BUILD: '1' })).toBe(false);
  });

  it('flips the fuses of the binary electron-builder laid out, per platform', async () => {
    expect(electronBinaryPath(context('linux'))).toBe('/dist/out/cwg-desk');
    expect(electronBinaryPath(context('win32'))).toBe('/dist/out/CWG Desk.exe');
    expect(electronBinaryPath(context('darwin'))).toBe('/dist/out/CWG Desk.app');
    const calls: [string, FuseConfig][] = [];
    const hook = createAfterPack((path, config) => {
      calls.push([path, config]);
      return Promise.resolve();
    }, {});
    await hook(context('linux'));
    await hook(context('darwin', 3));
    expect(calls.map(([path]) => path)).toEqual(['/dist/out/cwg-desk', '/dist/out/CWG Desk.app']);
    expect(named(calls[0]?.[1] ?? fuseConfig({ release: false }))).toEqual({ ...named(fuseConfig({ release: true })), resetAdHocDarwinSignature: false });
    // Apple silicon: the ad-hoc signature is redone after flipping.
    expect(calls[1]?.[1].resetAdHocDarwinSignature).toBe(true);
    expect(typeof afterPackDefault).toBe('function');
  });

  it('is the hook electron-builder runs, and the only place fuses are set', async () => {
    const config = await readFile(resolve(root, 'build/electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^afterPack: \.\/build\/afterPack\.mjs$/m);
    // electron-builder's own electronFuses would flip them a second time, from another table.
    expect(config).not.toMatch(/^electronFuses:/m);
  });
});
