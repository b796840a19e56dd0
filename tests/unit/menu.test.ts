/** The application menu template: standard roles per platform, no devtools when packaged, About. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from '../../electron/main/menu';

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return { platform: 'linux', isPackaged: true, appName: 'CWG Desk', onAbout: () => undefined, ...overrides };
}

function roles(template: MenuItemConstructorOptions[]): (string | undefined)[] {
  return template.map((item) => item.role);
}

/** Every role anywhere in the template, submenus included. */
function allRoles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => {
    const own = item.role ? [item.role] : [];
    const submenu = Array.isArray(item.submenu) ? allRoles(item.submenu) : [];
    return [...own, ...submenu];
  });
}

function aboutItem(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined {
  const help = template.find((item) => item.role === 'help');
  const submenu = Array.isArray(help?.submenu) ? help.submenu : [];
  return submenu.find((item) => item.id === 'about');
}

describe('buildMenuTemplate', () => {
  it('has the standard menus on Windows and Linux, without an app menu', () => {
    for (const platform of ['linux', 'win32']) {
      expect(roles(buildMenuTemplate(options({ platform })))).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    }
  });

  it('starts with the application menu on macOS', () => {
    expect(roles(buildMenuTemplate(options({ platform: 'darwin' })))).toEqual([
      'appMenu',
      'fileMenu',
      'editMenu',
      'viewMenu',
      'windowMenu',
      'help',
    ]);
  });

  it('offers neither devtools nor reload in packaged builds', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const template = buildMenuTemplate(options({ platform, isPackaged: true }));
      const found = allRoles(template).map((role) => role.toLowerCase());
      expect(found).not.toContain('toggledevtools');
      expect(found).not.toContain('reload');
      expect(found).not.toContain('forcereload');
      const view = template.find((item) => item.role === 'viewMenu');
      // A submenu of its own replaces the standard View menu, which includes devtools.
      expect(Array.isArray(view?.submenu)).toBe(true);
      expect(found).toEqual(expect.arrayContaining(['zoomin', 'zoomout', 'resetzoom', 'togglefullscreen']));
    }
  });

  it('keeps the standard View menu (with devtools) in development', () => {
    const view = buildMenuTemplate(options({ isPackaged: false })).find((item) => item.role === 'viewMenu');
    expect(view).toEqual({ role: 'viewMenu' });
  });

  it('has an About item under Help that calls back', () => {
    const onAbout = vi.fn();
    for (const platform of ['linux', 'win32', 'darwin']) {
      const about = aboutItem(buildMenuTemplate(options({ platform, onAbout })));
      expect(about?.label).toBe('About CWG Desk');
      about?.click?.({} as never, undefined, {});
    }
    expect(onAbout).toHaveBeenCalledTimes(3);
  });

  it('takes translated labels for its own items', () => {
    const template = buildMenuTemplate(options({ labels: { about: 'О программе CWG Desk', help: 'Справка' } }));
    expect(template.find((item) => item.role === 'help')?.label).toBe('Справка');
    expect(aboutItem(template)?.label).toBe('О программе CWG Desk');
  });

  it('every top-level entry is a menu (a role menu or a submenu)', () => {
    for (const item of buildMenuTemplate(options({ platform: 'darwin', isPackaged: false }))) {
      expect(item.role !== undefined || Array.isArray(item.submenu)).toBe(true);
    }
  });
});
