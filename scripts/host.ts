/**
 * `npm run host`: CWG Desk in a visible Chromium window, driven by the same main-process
 * handlers as the desktop app. For machines where the Electron binary cannot be fetched.
 * Data lives in a Chromium profile under ~/.cwg-desk/host-profile.
 */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startTestHost } from '../tests/host/testHost';

const HOST_PORT = 47831;

async function main(): Promise<void> {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display found. Start an X server first, for example: xvfb-run -a npm run host');
    process.exit(1);
  }
  const base = join(homedir(), '.cwg-desk');
  const profileDir = join(base, 'host-profile');
  const dataDir = join(base, 'data');
  await mkdir(profileDir, { recursive: true });
  await mkdir(dataDir, { recursive: true });
  const host = await startTestHost({ headless: false, profileDir, dataDir, viewport: null, port: HOST_PORT });
  console.log(`CWG Desk is open in Chromium at ${host.url} (data: ${profileDir}). Close the window to quit.`);
  await new Promise<void>((done) => host.context.on('close', () => done()));
  await host.close().catch(() => undefined);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
