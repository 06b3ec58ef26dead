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
  it('denies every permission request and check', () => {
    const { electron, record } = createFakeElectron({ userData: '/nowhere', appPath: '/nowhere' });
    hardenSession(electron.session.defaultSession);
    const contents = new FakeWebContents();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const answers: boolean[] = [];
      record.permissionRequestHandler?.(contents, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(record.permissionCheckHandler?.(contents, permission, 'plenary://app'), permission).toBe(false);
    }
  });
});
