// electron-builder afterPack hook: flips the Electron fuses in the packaged binary with
// @electron/fuses, before signing (electron-builder signs after this hook). The configuration
// is a pure function so tests/unit/fuses.test.ts can check every fuse; docs/packaging.md.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/**
 * The fuse wire for a package. `release` false (CWG_DEBUG_BUILD=1) keeps NODE_OPTIONS and
 * --inspect for a build a developer attaches a debugger to; everything else is the same.
 * strictlyRequireAllFuses: a fuse a future Electron adds (unknown to this table) fails the
 * package instead of shipping with Electron's default.
 */
export function fuseConfig({ release }) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Not a plain Node runtime: ELECTRON_RUN_AS_NODE is ignored.
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: !release,
    [FuseV1Options.EnableNodeCliInspectArguments]: !release,
    // Code only from app.asar, whose hash is embedded and checked at start-up.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // file:// pages get no more rights than in a browser (the app is served from app://).
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Whether this packaging run is a release (everything but an explicit debug build). */
export function isRelease(env = process.env) {
  return env.CWG_DEBUG_BUILD !== '1';
}

/** builder-util's Arch enum value for arm64. */
const ARCH_ARM64 = 3;

/** The Electron executable electron-builder just laid out in appOutDir. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return `${appOutDir}/${name}.app`;
    case 'win32':
      return `${appOutDir}/${name}.exe`;
    default:
      return `${appOutDir}/${packager.executableName}`;
  }
}

/** The hook, with the fuse flipper injectable for tests. */
export function createAfterPack(flip = flipFuses, env = process.env) {
  return async function afterPack(context) {
    const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
    await flip(electronBinaryPath(context), {
      ...fuseConfig({ release: isRelease(env) }),
      // Flipping fuses breaks an ad-hoc signature on Apple silicon; re-sign ad hoc (real signing follows).
      resetAdHocDarwinSignature: darwin && context.arch === ARCH_ARM64,
    });
  };
}

export default createAfterPack();
