/** Finding Chromium moved to electron/main/services/chromium.ts (the command line prints with it too). */
export { CHROMIUM_FLAGS, findChromium } from '../../electron/main/services/chromium';
