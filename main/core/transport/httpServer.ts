import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type Result } from '../../../shared/result';
import { maxParticipantFileBytes } from '../../../shared/participantImport';
import { maxBundleBase64 } from '../../../shared/sync';
import { dispatch } from '../commands/dispatch';
import type { CoreContext } from '../coreContext';
import { allowedHosts, allowedOrigins } from './allowedOrigins';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { httpStatus } from './httpStatus';
import { resolveStaticFile } from './staticFiles';
import { maxXliffFileBytes } from '../../../shared/xliff';

export const maxRequestBytes = 1024 * 1024;
/** Bundles travel in the request body as base64: those commands may send up to this much. */
export const maxBundleRequestBytes = maxBundleBase64 + 1024;
/** Participant lists travel the same way, with room for a column mapping. */
export const maxParticipantFileRequestBytes = Math.ceil(maxParticipantFileBytes / 3) * 4 + 64 * 1024;
/** A translators' file travels as JSON text: escapes may double it. */
export const maxXliffRequestBytes = maxXliffFileBytes * 2 + 64 * 1024;

function requestLimit(command: string): number {
  if (command.startsWith('bundle:') || command.startsWith('bundles:')) return maxBundleRequestBytes;
  if (command === 'participants:importPreview' || command === 'participants:import') return maxParticipantFileRequestBytes;
  if (command === 'xliff:preview' || command === 'xliff:import') return maxXliffRequestBytes;
  return maxRequestBytes;
}

export interface HttpServerOptions {
  ctx: CoreContext;
  /** Folder holding the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  host?: string;
  /** Fixed token for tests; a fresh random one per run otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Browser mode: serves the built renderer and answers the contract at POST /api/<command> on the
 * loopback interface. Every API call must carry the run's token; the page itself holds no data.
 */
export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);

  let hosts = new Set<string>();
  let origins = new Set<string>();

  const server = http.createServer((req, res) => {
    const send = (status: number, body: string | Buffer, type: string) => {
      res.writeHead(status, { ...securityHeaders, 'Content-Type': type });
      res.end(body);
    };
    const sendResult = (result: Result<unknown>) => {
      const status = result.ok ? 200 : httpStatus(result.error.code);
      send(status, JSON.stringify(result), 'application/json; charset=utf-8');
    };
    // A request refused before its body is read: the body is never read, the connection closes,
    // so a stranger cannot make the server swallow gigabytes or keep a connection busy.
    const refuse = (status: number, message: string) => {
      res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
      res.end(JSON.stringify(fail('unauthorized', message)));
    };
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) {
      return refuse(421, `This server answers to ${[...hosts].join(', ')} only.`);
    }
    // Browsers name the page that makes a request; our own page names our address. No page from
    // elsewhere holds the token, but one that guessed it still may not act here.
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin.toLowerCase())) {
      return refuse(403, 'Requests from other sites are refused.');
    }
    const url = new URL(req.url ?? '/', 'http://localhost');

    if (url.pathname.startsWith('/api/')) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return refuse(401, 'Missing or wrong token: open the URL that `plenary serve` printed.');
      }
      if (req.method !== 'POST') return sendResult(fail('unknown_command', 'Use POST for API calls.'));
      let command: string;
      try {
        command = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        req.resume();
        return sendResult(fail('unknown_command', 'The command name in the address is not valid.'));
      }
      const limit = requestLimit(command);
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) tooLarge = true;
        else chunks.push(chunk);
      });
      req.on('end', () => {
        if (tooLarge) return sendResult(fail('payload_too_large', `Requests for ${command} are limited to ${limit} bytes.`));
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return sendResult(fail('invalid_input', 'The request body is not valid JSON.'));
        }
        void dispatch(options.ctx, 'http', command, input).then(sendResult);
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed', 'text/plain');
    const found = resolveStaticFile(options.staticDir, url.pathname) ?? resolveStaticFile(options.staticDir, '/');
    if (!found) return send(404, 'The renderer is not built: run `npm run build`.', 'text/plain; charset=utf-8');
    send(200, fs.readFileSync(found.file), found.contentType);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      hosts = allowedHosts(host, port);
      origins = allowedOrigins(hosts);
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/#token=${token}`,
        port,
        token,
        // Browsers keep connections open; stopping must not wait for them to time out.
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
