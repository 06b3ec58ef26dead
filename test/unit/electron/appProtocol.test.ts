import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAppUrl, registerAppScheme, rendererResponse } from '../../../main/electron/appProtocol';
import { contentSecurityPolicy } from '../../../main/core/transport/contentSecurityPolicy';
import { tempDir } from '../helpers/tempCore';
import { createFakeElectron } from './fakeElectron';

/** A built renderer folder, with a secret beside it that must stay out of reach. */
function rendererFixture(): string {
  const root = tempDir();
  const renderer = path.join(root, 'dist', 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Plenary</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
  return renderer;
}

const get = (renderer: string, url: string) => rendererResponse(renderer, { url, method: 'GET' });

describe('app protocol', () => {
  it('registers plenary: as a standard, secure scheme that fetch can use', () => {
    const { electron, record } = createFakeElectron({ userData: '/x', appPath: '/x' });
    registerAppScheme(electron.protocol);
    expect(record.privilegedSchemes).toEqual([
      { scheme: 'plenary', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer with the content security policy and the right type', async () => {
    const renderer = rendererFixture();
    const page = get(renderer, appEntryUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Plenary</title>');

    const script = get(renderer, 'plenary://app/assets/index-abc.js?v=1');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('answers a real Request object as Electron passes one', async () => {
    const response = rendererResponse(rendererFixture(), new Request('plenary://app/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Plenary');
  });

  it.each([
    'plenary://app/../../etc/passwd',
    'plenary://app/..%2f..%2fsecret.txt',
    'plenary://app/%2e%2e/%2e%2e/secret.txt',
    'plenary://app/..%5c..%5csecret.txt',
    'plenary://app/missing.js',
    'plenary://app/assets',
    'plenary://other/index.html',
    'plenary://app.evil/index.html',
    'https://app/index.html',
    'file:///etc/passwd',
  ])('refuses %s with 404, still carrying the CSP', async (url) => {
    const response = get(rendererFixture(), url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('refuses methods other than GET and HEAD', () => {
    expect(rendererResponse(rendererFixture(), { url: appEntryUrl, method: 'POST' }).status).toBe(405);
  });

  it('knows its own origin from look-alikes', () => {
    expect(isAppUrl('plenary://app/index.html')).toBe(true);
    expect(isAppUrl('plenary://app')).toBe(true);
    for (const url of ['plenary://app.evil/', 'plenary://app:81/', 'plenary:app', 'https://app/', 'about:blank', '', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
