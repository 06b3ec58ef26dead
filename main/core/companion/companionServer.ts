import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CoreContext } from '../coreContext';
import { resolveStaticFile } from '../transport/staticFiles';
import { CompanionLimits, type CompanionLimitOptions } from './companionLimits';
import { existingCompanionToken, forumOfToken } from './companionLinks';
import { agendaView, announcementsView, documentsView, forumView, maxNameQuery, mySessions, paragraphView } from './companionViews';
import { DocumentCache } from './documentCache';
import { contentSecurityPolicy } from '../transport/contentSecurityPolicy';

// The participant companion's own listener: plain HTTP (phones cannot trust a self-signed
// certificate), read-only, everything under /c/<forum's link token>/. It never reads a request
// body, never dispatches a command and never writes: it answers GET and HEAD from forum data that
// is public within the venue (the programme, the paragraph on the wall, announcements, documents).

export interface CompanionServerOptions {
  /** The address to listen on: loopback, or the venue's local network address. */
  host: string;
  port?: number;
  /** The built page (index.html and assets/); dist/companion beside the running bundle by default. */
  pageDir?: string;
  limits?: CompanionLimitOptions;
  /** The venue clock for "now" and "next" (tests fix it). */
  now?: () => number;
}

export interface CompanionServer {
  port: number;
  close(): Promise<void>;
  /** The forum's companion address, or null while it has no link (see `companion:link`). */
  urlFor(forumId: string): string | null;
}

// The page is served like the renderer: the same policy (own scripts and styles only, no framing).
export const pagePolicy = contentSecurityPolicy;

/** A downloaded document is a page of its own: its inline styles, nothing else, and no script at all. */
const documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'none'; sandbox";

const baseHeaders = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const jsonType = 'application/json; charset=utf-8';

const defaultPageDir = () => path.join(__dirname, '..', 'companion');

export function startCompanionServer(ctx: CoreContext, options: CompanionServerOptions): Promise<CompanionServer> {
  const limits = new CompanionLimits(options.limits);
  const pageDir = options.pageDir ?? defaultPageDir();
  const clock = options.now ?? Date.now;
  const documents = new DocumentCache(ctx);
  const maxRowid = ctx.db.prepare('SELECT coalesce(max(rowid), 0) FROM changes').pluck();
  /** Answers built once per version of the data (and minute, for the agenda), for every phone alike. */
  const answers = new Map<string, { version: string; body: string; etag: string }>();
  let boundHost = '';

  const server = http.createServer({ maxHeaderSize: 8192, requestTimeout: 15_000, headersTimeout: 10_000 }, (req, res) => {
    const send = (status: number, body: string | Uint8Array, headers: Record<string, string | number>) => {
      res.writeHead(status, { ...baseHeaders, 'Content-Security-Policy': pagePolicy, ...headers });
      res.end(body);
    };
    // Refusals close the connection: whatever body a client sent is never read.
    const refuse = (status: number, error: string, message: string, extra: Record<string, string | number> = {}) =>
      send(status, JSON.stringify({ error, message }), { 'Content-Type': jsonType, 'Cache-Control': 'no-store', Connection: 'close', ...extra });

    const admission = limits.admit(req.socket.remoteAddress ?? '');
    if (!admission.ok) {
      const message = admission.reason === 'too_many_clients' ? 'The companion serves as many phones as it can right now: try again shortly.' : 'Too many requests: slow down.';
      return refuse(429, admission.reason, message, { 'Retry-After': admission.retryAfterSeconds });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(405, 'method_not_allowed', 'The companion is read-only: GET and HEAD only.', { Allow: 'GET, HEAD' });
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (req.headers['transfer-encoding'] !== undefined || !Number.isFinite(declared) || declared > 0) {
      return refuse(413, 'payload_too_large', 'The companion reads no request bodies.');
    }
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!hostAllowed(hostHeader, boundHost)) return refuse(421, 'misdirected', 'This companion answers to its own address only.');

    const url = new URL(req.url ?? '/', 'http://companion');
    const match = /^\/c\/([^/]*)(\/.*)?$/.exec(url.pathname);
    if (!match || url.pathname.includes('/api/')) return refuse(404, 'not_found', 'Nothing here: open the companion link the secretariat shared.');
    const token = match[1] ?? '';
    const forumId = forumOfToken(ctx.db, token);
    if (!forumId) return refuse(403, 'link_not_valid', 'This companion link is not valid (any more): ask the secretariat for the current one.');
    const rest = match[2];
    if (rest === undefined) return send(308, '', { Location: `/c/${token}/`, 'Cache-Control': 'no-store' });

    const lang = cleanLang(url.searchParams.get('lang'));
    const version = String(maxRowid.get() as number);
    const answerJson = (key: string, extraVersion: string, build: () => unknown) => {
      const cacheKey = `${forumId}\u0000${key}\u0000${lang ?? ''}`;
      const fullVersion = `${version}/${extraVersion}`;
      let answer = answers.get(cacheKey);
      if (!answer || answer.version !== fullVersion) {
        const body = JSON.stringify(build());
        answer = { version: fullVersion, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
        answers.set(cacheKey, answer);
        if (answers.size > 5000) answers.delete(answers.keys().next().value ?? '');
      }
      const headers = { 'Content-Type': jsonType, 'Cache-Control': 'no-cache', ETag: answer.etag };
      if (req.headers['if-none-match'] === answer.etag) return send(304, '', headers);
      return send(200, answer.body, headers);
    };

    try {
      const at = new Date(clock());
      switch (rest) {
        case '/':
        case '/index.html':
          return servePage(pageDir, 'index.html', send, refuse);
        case '/data/forum':
          return answerJson('forum', '', () => forumView(ctx.db, forumId, lang));
        case '/data/agenda': {
          const minute = Math.floor(at.getTime() / 60_000);
          return answerJson('agenda', String(minute), () => agendaView(ctx.db, forumId, lang, at));
        }
        case '/data/mine': {
          const name = (url.searchParams.get('name') ?? '').slice(0, maxNameQuery);
          return answerJson(`mine\u0000${name}`, String(Math.floor(at.getTime() / 60_000)), () => mySessions(agendaView(ctx.db, forumId, lang, at), name));
        }
        case '/data/paragraph':
          return answerJson('paragraph', '', () => paragraphView(ctx.db, forumId, lang));
        case '/data/announcements':
          return answerJson('announcements', '', () => announcementsView(ctx.db, forumId));
        case '/data/documents':
          return answerJson('documents', '', () => documentsView(ctx.db, forumId, lang));
      }
      if (rest.startsWith('/assets/')) return servePage(pageDir, rest.slice(1), send, refuse);
      const download = /^\/documents\/([A-Za-z0-9_-]{1,64})\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.html$/.exec(rest);
      if (download) {
        const [, documentId = '', docLang = ''] = download;
        const known = documentsView(ctx.db, forumId, docLang).some((d) => d.id === documentId);
        const languages = forumView(ctx.db, forumId, null).languages;
        if (!known || !languages.includes(docLang)) return refuse(404, 'not_found', 'No such document in this forum.');
        documents.get(documentId, docLang, Number(version)).then(
          (doc) =>
            send(200, doc.bytes, {
              'Content-Type': doc.mimeType,
              'Content-Security-Policy': documentPolicy,
              'Content-Disposition': `attachment; filename="${asciiName(doc.fileName)}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
              'Cache-Control': 'no-cache',
            }),
          () => refuse(500, 'internal', 'The document could not be prepared; try again.'),
        );
        return;
      }
      return refuse(404, 'not_found', 'Nothing here.');
    } catch {
      return refuse(500, 'internal', 'The companion could not answer; try again.');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      boundHost = `${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
      resolve({
        port,
        urlFor: (forumId) => {
          const token = existingCompanionToken(ctx.db, forumId);
          return token && forumOfToken(ctx.db, token) ? `http://${boundHost}/c/${token}/` : null;
        },
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The address the server listens on, and on loopback `localhost` too; any address for a wildcard bind. */
function hostAllowed(given: string, bound: string): boolean {
  if (given === bound.toLowerCase()) return true;
  const port = bound.slice(bound.lastIndexOf(':') + 1);
  if (bound.startsWith('127.') || bound.startsWith('[::1]')) return given === `localhost:${port}`;
  return bound.startsWith('0.0.0.0:') || bound.startsWith('[::]:');
}

function cleanLang(value: string | null): string | null {
  return value && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value) ? value : null;
}

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

type Send = (status: number, body: string | Uint8Array, headers: Record<string, string | number>) => void;
type Refuse = (status: number, error: string, message: string) => void;

const pageFiles = new Map<string, { bytes: Buffer; contentType: string }>();

function servePage(pageDir: string, relative: string, send: Send, refuse: Refuse): void {
  const key = `${pageDir}\u0000${relative}`;
  let file = pageFiles.get(key);
  if (!file) {
    const found = resolveStaticFile(pageDir, `/${relative}`);
    if (!found) return refuse(404, 'not_found', relative === 'index.html' ? 'The companion page is not built: run `npm run build`.' : 'Nothing here.');
    file = { bytes: fs.readFileSync(found.file), contentType: found.contentType };
    pageFiles.set(key, file);
  }
  // Asset names carry a hash of their content; the page itself is asked again each visit.
  const cache = relative.startsWith('assets/') ? 'public, max-age=86400, immutable' : 'no-cache';
  send(200, file.bytes, { 'Content-Type': file.contentType, 'Cache-Control': cache });
}
