import { describe, expect, it } from 'vitest';
import { hardenSession } from '../../../main/electron/hardenSession';
import { hardenWindow } from '../../../main/electron/hardenWindow';
import { webPreferences, windowOptions } from '../../../main/electron/windowOptions';
import { createFakeElectron, fakeEvent, FakeWebContents } from './fakeElectron';

describe('window settings', () => {
  it('isolates and sandboxes the renderer, without Node, with web security on', () => {
    const prefs = webPreferences('/app/dist/main/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('stays hidden until ready to show, titled Plenary', () => {
    expect(windowOptions('/p.cjs')).toMatchObject({ show: false, title: 'Plenary', backgroundColor: expect.any(String) });
  });
});

describe('hardenWindow', () => {
  const hardened = () => {
    const contents = new FakeWebContents();
    hardenWindow(contents);
    return contents;
  };

  it.each(['https://example.org/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'plenary://evil/index.html', 'javascript:alert(1)'])(
    'stops navigation and redirects to %s',
    (url) => {
      const contents = hardened();
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = fakeEvent({ url });
        contents.emit(name, event, url);
        expect(event.defaultPrevented, name).toBe(true);
      }
    },
  );

  it('lets the window move within its own origin', () => {
    const contents = hardened();
    const event = fakeEvent({ url: 'plenary://app/index.html#/forums' });
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('denies window.open', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'plenary://app/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const event = fakeEvent({});
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  const hardened = () => {
    const { electron, record } = createFakeElectron({ userData: '/nowhere', appPath: '/nowhere' });
    hardenSession(electron.session.defaultSession);
    const contents = new FakeWebContents();
    const request = (permission: string, requestingUrl: string) => {
      const answers: boolean[] = [];
      record.permissionRequestHandler?.(contents, permission, (granted) => answers.push(granted), { requestingUrl, isMainFrame: true });
      return answers;
    };
    const check = (permission: string, origin: string) => record.permissionCheckHandler?.(contents, permission, origin);
    return { request, check };
  };

  it('denies every other permission request and check, even to our own page', () => {
    const { request, check } = hardened();
    const permissions = ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'pointerLock', 'automatic-fullscreen', 'unknown'];
    for (const permission of permissions) {
      expect(request(permission, 'plenary://app/index.html'), permission).toEqual([false]);
      expect(check(permission, 'plenary://app'), permission).toBe(false);
    }
  });

  it('lets our own page go full screen (the projectors), and no other page', () => {
    const { request, check } = hardened();
    expect(request('fullscreen', 'plenary://app/index.html#/forums/f1/projector')).toEqual([true]);
    expect(check('fullscreen', 'plenary://app')).toBe(true);
    for (const url of ['https://example.org/', 'plenary://evil/index.html', 'file:///tmp/page.html', 'data:text/html,x', '']) {
      expect(request('fullscreen', url), url).toEqual([false]);
      expect(check('fullscreen', url), url).toBe(false);
    }
  });
});
