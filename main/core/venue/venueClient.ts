import http from 'node:http';
import tls from 'node:tls';
import { CoreError } from '../errors';
import { certificateFingerprint, type VenueCertificate } from './venueCertificate';

export interface PeerAddress {
  host: string;
  port: number;
}

export interface PeerRequest {
  method: 'GET' | 'POST';
  path: string;
  /** A small JSON body. */
  json?: unknown;
  /** The certificate fingerprint pinned for this peer; null only while pairing from a URL without one. */
  pinned: string | null;
  /** Bodies longer than this are cut off and refused while being read. */
  maxBytes: number;
  timeoutMs: number;
}

export interface PeerResponse {
  status: number;
  body: Buffer;
  /** The fingerprint of the certificate the peer presented. */
  certFingerprint: string;
}

/** `https://HOST:PORT/#fp=…` (or without the fragment) read into its parts. */
export function parseLaptopUrl(url: string): PeerAddress & { fingerprint: string | null; origin: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CoreError('invalid_input', `“${url}” is not a laptop address (https://HOST:PORT/#fp=…).`, [{ path: 'url', message: 'validation.laptopUrl' }]);
  }
  const fp = /(?:^#|&)fp=([0-9a-fA-F]{64})(?:&|$)/.exec(parsed.hash)?.[1]?.toLowerCase() ?? null;
  const port = Number(parsed.port || 443);
  if (parsed.protocol !== 'https:' || !parsed.hostname || (parsed.hash !== '' && fp === null && /fp=/.test(parsed.hash))) {
    throw new CoreError('invalid_input', `“${url}” is not a laptop address (https://HOST:PORT/#fp=…).`, [{ path: 'url', message: 'validation.laptopUrl' }]);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return { host, port, fingerprint: fp, origin: `https://${parsed.host}` };
}

export const originOf = (host: string, port: number): string => `https://${host.includes(':') ? `[${host}]` : host}:${port}`;

const unreachable = (address: PeerAddress, why: string) =>
  new CoreError('peer_unreachable', `The laptop at ${originOf(address.host, address.port)} could not be reached (${why}).`);

// Building a secure context parses the key and certificate (about 20 ms of the main thread each
// time, measured): made once per certificate, not once per request to every peer.
const secureContexts = new WeakMap<VenueCertificate, tls.SecureContext>();
function secureContextOf(own: VenueCertificate): tls.SecureContext {
  let context = secureContexts.get(own);
  if (!context) secureContexts.set(own, (context = tls.createSecureContext({ key: own.keyPem, cert: own.certPem })));
  return context;
}

/**
 * One request to a peer over mutual TLS. The peer's certificate is checked against the pinned
 * fingerprint once the handshake is done and before a byte of the request is sent; the response
 * is counted while it is read and cut off past `maxBytes`. Every connection is its own: no pool
 * can hand a request to a socket whose certificate was never checked.
 */
export async function requestPeer(address: PeerAddress, own: VenueCertificate, request: PeerRequest): Promise<PeerResponse> {
  const socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
    const s = tls.connect({ host: address.host, port: address.port, secureContext: secureContextOf(own), rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    const timer = setTimeout(() => {
      s.destroy();
      reject(unreachable(address, 'no answer in time'));
    }, request.timeoutMs);
    s.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(s);
    });
    s.once('error', (error) => {
      clearTimeout(timer);
      reject(unreachable(address, (error as NodeJS.ErrnoException).code ?? error.message));
    });
  });
  const raw = socket.getPeerCertificate().raw as Buffer | undefined;
  const certFingerprint = raw ? certificateFingerprint(raw) : '';
  if (request.pinned !== null && certFingerprint !== request.pinned) {
    socket.destroy();
    throw new CoreError(
      'peer_key_changed',
      `The laptop at ${originOf(address.host, address.port)} presents a certificate (${certFingerprint.slice(0, 16)}…) other than the one pinned for it (${request.pinned.slice(0, 16)}…); nothing was sent to it.`,
    );
  }
  const payload = request.json === undefined ? undefined : Buffer.from(JSON.stringify(request.json), 'utf8');
  return new Promise<PeerResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: CoreError) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(request.timeoutMs, () => fail(unreachable(address, 'it stopped answering')));
    const req = http.request(
      {
        method: request.method,
        path: request.path,
        headers: { host: `${address.host}:${address.port}`, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
        createConnection: () => socket,
      },
      (res) => {
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > request.maxBytes) {
          fail(tooLarge(address, request.maxBytes));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxBytes) fail(tooLarge(address, request.maxBytes));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          socket.destroy();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), certFingerprint });
        });
        res.on('error', (error) => fail(unreachable(address, error.message)));
      },
    );
    req.on('error', (error) => fail(unreachable(address, error.message)));
    req.end(payload);
  });
}

const tooLarge = (address: PeerAddress, max: number) =>
  new CoreError('peer_response_invalid', `The laptop at ${originOf(address.host, address.port)} sent more than ${max} bytes in one answer; it was cut off and nothing of it was kept.`);

/** A JSON answer's body, or the peer's error as a CoreError (its code when it is one we know). */
export function jsonOf(address: PeerAddress, response: PeerResponse): unknown {
  let value: unknown;
  try {
    value = JSON.parse(response.body.toString('utf8'));
  } catch {
    value = undefined;
  }
  if (response.status >= 200 && response.status < 300 && value !== undefined) return value;
  throw peerError(address, response.status, value);
}

export function peerError(address: PeerAddress, status: number, value: unknown): CoreError {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const message = typeof error?.message === 'string' ? error.message.slice(0, 500) : `it answered ${status}`;
  const where = originOf(address.host, address.port);
  if (status === 401) return new CoreError('peer_unpaired', `The laptop at ${where} does not know this one (${message}).`);
  if (status === 429) return new CoreError('rate_limited', `The laptop at ${where} asks to slow down (${message}).`);
  if (error?.code === 'pairing_refused' || error?.code === 'peer_key_changed') return new CoreError(error.code, message);
  return new CoreError('peer_response_invalid', `The laptop at ${where} refused or sent an unusable answer: ${message}`);
}
