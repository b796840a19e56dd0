import type { FuseConfig } from '@electron/fuses';

export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
export function fuseConfig(options: { release: boolean }): FuseConfig;
export function isRelease(env?: Record<string, string | undefined>): boolean;
export function electronBinaryPath(context: PackContext): string;
export function createAfterPack(
  flip?: (path: string, config: FuseConfig) => Promise<unknown>,
  env?: Record<string, string | undefined>,
): (context: PackContext) => Promise<void>;
declare const afterPack: (context: PackContext) => Promise<void>;
export default afterPack;
