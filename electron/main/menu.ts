/**
 * The application menu as a plain template (Electron types only), so its shape is tested
 * without Electron; the composition root passes it to Menu.buildFromTemplate.
 *
 * Mostly standard roles: Electron labels and localises them and wires the platform's
 * usual shortcuts. The one custom item is About. In packaged builds the View menu has no
 * Reload and no Toggle Developer Tools (and the main window's devTools preference is off
 * as well): a reload throws away unsaved form input, and devtools are a support tool for
 * developers, not for delegates. Development builds keep the full standard View menu.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuLabels {
  /** e.g. "About CWG Desk". */
  about: string;
  help: string;
}

export interface MenuOptions {
  /** process.platform; macOS gets the application menu and keeps About there as well. */
  platform: string;
  /** app.isPackaged: hides Reload and Toggle Developer Tools. */
  isPackaged: boolean;
  appName: string;
  onAbout: () => void;
  /** User-visible custom labels; role items are labelled by Electron. English by default. */
  labels?: Partial<MenuLabels>;
}

function packagedViewMenu(): MenuItemConstructorOptions {
  return {
    role: 'viewMenu',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const labels: MenuLabels = {
    about: options.labels?.about ?? `About ${options.appName}`,
    help: options.labels?.help ?? 'Help',
  };
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    { role: 'fileMenu' },
    { role: 'editMenu' },
    options.isPackaged ? packagedViewMenu() : { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      label: labels.help,
      submenu: [
        {
          id: 'about',
          label: labels.about,
          click: () => {
            options.onAbout();
          },
        },
      ],
    },
  );
  return template;
}
