/**
 * Renders build/icon.svg to build/icon.png (1024×1024, transparent corners), from which
 * electron-builder derives the Windows .ico and macOS .icns, plus the Linux icon set
 * build/icons/<n>x<n>.png, each size rendered from the vector rather than scaled down from
 * the big PNG. Uses playwright-core driving the system's Chromium (Debian: `chromium`), so
 * no browser download is needed. Outputs are generated, hence gitignored.
 *
 *   npm run icons          (CHROMIUM_PATH=/path/to/chrome to use another browser)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'build', 'icon.svg');
const mainIcon = join(root, 'build', 'icon.png');
const linuxIcons = join(root, 'build', 'icons');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** Debian's Chromium runs as root in containers only without its sandbox; nothing here loads remote content. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // Not installed under this name; try the next.
    }
  }
  throw new Error('No Chromium found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
}

function pageFor(svg: string): string {
  return `<!doctype html><html><head><style>
    html, body { margin: 0; background: transparent; }
    svg { display: block; width: 100vw; height: 100vh; }
  </style></head><body>${svg}</body></html>`;
}

async function main(): Promise<void> {
  const svg = await readFile(source, 'utf8');
  // playwright adds --headless itself (headless: true).
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    // The icon is self-contained; nothing may be fetched while rendering it.
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(pageFor(svg));

    const render = async (size: number, path: string): Promise<void> => {
      await page.setViewportSize({ width: size, height: size });
      await page.screenshot({ path, omitBackground: true, type: 'png' });
      console.log(`wrote ${path.slice(root.length + 1)}`);
    };

    await render(1024, mainIcon);
    await mkdir(linuxIcons, { recursive: true });
    for (const size of LINUX_SIZES) await render(size, join(linuxIcons, `${size}x${size}.png`));
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
