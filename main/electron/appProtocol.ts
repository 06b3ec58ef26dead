import fs from 'node:fs';
import { contentSecurityPolicy } from '../core/transport/contentSecurityPolicy';
import { resolveStaticFile } from '../core/transport/staticFiles';
import type { Protocol } from './electronModule';

/*
 * Why a custom protocol rather than file://: pages served from plenary://app have a real origin,
 * so the CSP's 'self' means our bundle and nothing else, and fetch/ES modules behave as on the
 * web. A file:// page would share one opaque origin with every file on the disk and could be
 * pointed at any of them; this handler can only ever read the built renderer folder.
 */

export const appScheme = 'plenary';
export const appHost = 'app';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * True only for URLs on our own origin. Compared by parts because Node's URL reports the origin
 * of a non-special scheme as "null", so `new URL(x).origin` cannot tell ours from anyone's.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
}

/** Must run before the app's 'ready' event: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, (request) => rendererResponse(rendererDir, request));
}

/** The response for one app-protocol request: a file of the renderer folder, or an error. */
export function rendererResponse(rendererDir: string, request: Pick<Request, 'url' | 'method'>): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  if (!isAppUrl(request.url)) return textResponse(404, 'Not found');
  const found = resolveStaticFile(rendererDir, new URL(request.url).pathname);
  if (!found) return textResponse(404, 'Not found');
  let body: Buffer;
  try {
    body = fs.readFileSync(found.file);
  } catch {
    return textResponse(404, 'Not found');
  }
  const headers = { ...securityHeaders, 'Content-Type': found.contentType };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}
