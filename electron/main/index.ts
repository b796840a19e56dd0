/**
 * The Electron composition root: wires Electron's modules into the app's modules and sets
 * the order things happen in. Behaviour lives in the modules it calls (windows, protocol,
 * windowState, menu, ipc, services), where it is tested without Electron.
 *
 * Paths are relative to this bundle (out/main/main.cjs, CommonJS, so __dirname exists):
 * the renderer is in out/renderer, the preload in out/preload/preload.cjs.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { createDispatch } from './ipc/dispatch';
import { createHandlers, createServices } from './ipc/handlers';
import { createQuitCoordinator } from './quitCoordinator';
import { registerIpc } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY_URL, APP_ORIGIN, registerAppProtocol, registerAppScheme } from './protocol';
import { createElectronPorts, createShellPort } from './services/electronPorts';
import { loadWindowState, trackWindowState, WINDOW_STATE_FILE, type Rect } from './windowState';
import { applySessionGuards, createMainWindow, hardenWebContents, PRINT_PARTITION } from './windows';

const rendererRoot = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/preload.cjs');

let mainWindow: BrowserWindow | null = null;
const shellPort = createShellPort(shell);
// Before quitting, the renderer writes what the sync folder does not have yet.
const quitting = createQuitCoordinator({
  ask: () => {
    if (!mainWindow || mainWindow.isDestroyed()) return false;
    mainWindow.webContents.send('cwg:event:before-quit', {});
    return true;
  },
  quit: () => {
    app.quit();
  },
});

function logError(context: string, error: unknown): void {
  console.error(`[cwg] ${context}:`, error);
}

/** Work areas of all displays, the primary first (where a lost window is put back). */
function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary.workArea, ...others.map((display) => display.workArea)];
}

async function openMainWindow(): Promise<void> {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const state = await loadWindowState(stateFile, displayWorkAreas());
  const window = createMainWindow({
    BrowserWindow,
    preloadPath,
    state,
    devTools: !app.isPackaged,
    allowedOrigin: APP_ORIGIN,
    openExternal: (url) => shellPort.openExternal(url),
  });
  mainWindow = window;
  trackWindowState(window, { file: stateFile, onError: (error) => logError('saving window state', error) });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadURL(APP_ENTRY_URL);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function onReady(): Promise<void> {
  registerAppProtocol(protocol, rendererRoot);
  applySessionGuards(session.defaultSession);

  const ports = createElectronPorts({
    app,
    dialog,
    shell,
    BrowserWindow,
    getPrintSession: () => session.fromPartition(PRINT_PARTITION),
    getMainWindow: () => mainWindow,
    platform: process.platform,
    onReadyToQuit: () => {
      quitting.readyToQuit();
    },
  });
  const services = createServices(ports);
  registerIpc(ipcMain, createDispatch(createHandlers(ports, services), { allowedOrigin: APP_ORIGIN, logError }));
  // Polls the sync folder (if one is chosen) from now on.
  void services.syncFolder.start();
  app.on('will-quit', () => {
    services.syncFolder.stop();
  });

  app.setAboutPanelOptions({
    applicationName: ports.appInfo.name,
    applicationVersion: ports.appInfo.version,
    copyright: 'CWG Desk developers, MIT licence',
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        appName: ports.appInfo.name,
        onAbout: () => {
          app.showAboutPanel();
        },
      }),
    ),
  );
  return openMainWindow();
}

function main(): void {
  // Both must happen before `ready`: scheme privileges are fixed at start-up, and the
  // sandbox switch applies to every renderer, including any created by surprise.
  registerAppScheme(protocol);
  app.enableSandbox();

  // One hook for every web contents that will ever exist (windows, print windows, any
  // future view): navigation pinned to the app's origin, no popups, no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { allowedOrigin: APP_ORIGIN, openExternal: (url) => shellPort.openExternal(url) });
  });

  app.on('before-quit', (event) => {
    quitting.onBeforeQuit(event);
  });

  app.on('second-instance', () => {
    focusMainWindow();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until the user quits explicitly.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) {
      openMainWindow().catch((error: unknown) => {
        logError('opening the main window', error);
      });
    }
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      logError('start-up', error);
      dialog.showErrorBox('CWG Desk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

// A second copy would fight the first over the same IndexedDB and files: hand over instead.
if (app.requestSingleInstanceLock()) {
  main();
} else {
  app.quit();
}
