import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { ErrorCode } from '../../../shared/result';
import { CoreError } from '../errors';
import { httpStatus } from '../transport/httpStatus';
import { certificateFingerprint, type VenueCertificate } from './venueCertificate';
import type { PairedPeer } from './venuePeers';

/** What the listener asks of the laptop it serves; the controller answers. */
export interface VenueRoutes {
  hello(): unknown;
  pair(joinerCert: string, remoteAddress: string, body: unknown): Promise<unknown>;
  peerByCertificate(certFingerprint: string): PairedPeer | undefined;
  forums(peer: PairedPeer): unknown;
  /** A bundle of what the peer lacks, or null when it lacks nothing. */
  bundle(peer: PairedPeer, forumId: string, body: unknown): Promise<Uint8Array | null>;
  nudge(peer: PairedPeer, body: unknown): void;
}

export interface RunningVenueServer {
  port: number;
  close(): Promise<void>;
}

/** Requests are tiny (a code, a forum id, a clock per device); anything larger is refused unread. */
export const maxRequestBytes = 4 * 1024;
/** The bundle request carries what the puller has: one clock value per laptop that wrote. */
export const maxKnowledgeBytes = 64 * 1024;

/** Per certificate: a burst, then a steady rate; enough for a few peers' pulls and nudges. */
const bucketSize = 60;
const refillPerSecond = 20;

class RequestError extends CoreError {}
const refuse = (code: ErrorCode, message: string) => new RequestError(code, message);

/**
 * The venue listener: HTTPS on the chosen local address, asking every client for its certificate.
 * Only the pairing routes answer a certificate this laptop has not paired; everything else
 * answers 401 before reading a byte of the body. Bodies are capped while read, and each client
 * certificate is rate limited.
 */
export async function startVenueServer(options: { host: string; port: number; certificate: VenueCertificate; routes: VenueRoutes; now?: () => number }): Promise<RunningVenueServer> {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const allow = (key: string) => {
    const bucket = buckets.get(key) ?? { tokens: bucketSize, at: now() };
    bucket.tokens = Math.min(bucketSize, bucket.tokens + ((now() - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now();
    if (buckets.size > 1000) buckets.clear(); // a flood of new certificates, bounded
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };

  const server = https.createServer(
    {
      key: options.certificate.keyPem,
      cert: options.certificate.certPem,
      requestCert: true,
      rejectUnauthorized: false,
      // A client that connects and says nothing is let go.
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 5_000,
    },
    (req, res) => {
      void handle(req, res).catch((error: unknown) => answerError(res, error));
    },
  );
  server.maxHeadersCount = 50;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const socket = req.socket as TLSSocket;
    const raw = socket.getPeerCertificate()?.raw as Buffer | undefined;
    const cert = raw ? certificateFingerprint(raw) : null;
    if (!allow(cert ?? `address:${socket.remoteAddress ?? ''}`)) throw refuse('rate_limited', 'Too many requests; slow down.');
    if (cert === null) throw refuse('unauthorized', 'Venue requests need a client certificate.');
    const url = new URL(req.url ?? '/', 'https://venue.invalid');
    const route = `${req.method ?? ''} ${url.pathname}`;
    if (route === 'GET /v1/hello') return answerJson(res, 200, options.routes.hello());
    if (route === 'POST /v1/pair') {
      const body = await readJson(req, maxRequestBytes);
      return answerJson(res, 200, await options.routes.pair(cert, (socket.remoteAddress ?? '').replace(/^::ffff:/, ''), body));
    }
    const peer = options.routes.peerByCertificate(cert);
    if (!peer) throw refuse('unauthorized', 'This laptop is not paired with this one.');
    if (route === 'GET /v1/forums') return answerJson(res, 200, options.routes.forums(peer));
    if (route === 'POST /v1/nudge') {
      options.routes.nudge(peer, await readJson(req, maxRequestBytes));
      return answerJson(res, 200, { ok: true });
    }
    const bundle = /^POST \/v1\/forums\/([A-Za-z0-9_-]{1,100})\/bundle$/.exec(route);
    if (bundle?.[1]) {
      const bytes = await options.routes.bundle(peer, bundle[1], await readJson(req, maxKnowledgeBytes));
      if (bytes === null) {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
      return;
    }
    throw refuse('not_found', `No venue route ${route}.`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw refuse('payload_too_large', `Venue requests are at most ${max} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw refuse('payload_too_large', `Venue requests are at most ${max} bytes.`);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw refuse('invalid_input', 'The request body is not JSON.');
  }
}

function answerJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const known = error instanceof CoreError;
  const code: ErrorCode = known ? error.code : 'internal';
  const message = known ? error.message : 'The venue listener failed to answer.';
  // A refused body is never read to its end: the connection goes with the answer.
  if (error instanceof RequestError && (code === 'payload_too_large' || code === 'unauthorized' || code === 'rate_limited')) res.setHeader('connection', 'close');
  answerJson(res, httpStatus(code), { error: { code, message } });
}
