import type { MenuItemConstructorOptions } from './electronModule';

/**
 * Replaces Electron's default menu, whose Help entries point at Electron's own website. Roles
 * only, so Electron supplies the platform's labels and shortcuts: Edit keeps copy and paste
 * working on macOS, View keeps zoom for projecting a draft on a screen.
 */
export function applicationMenu(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  return [...appMenu, { role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }];
}
