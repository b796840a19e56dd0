/** The Chromium print port moved to electron/main/services/chromiumPrintPort.ts (the command line prints with it too). */
export { ChromiumPrintPort } from '../../electron/main/services/chromiumPrintPort';
