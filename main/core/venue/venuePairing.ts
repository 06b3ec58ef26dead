import { z } from 'zod';
import { deviceName } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { deviceIdentity, publicDeviceIdentity, signBytes, verifyBytes } from '../sync/deviceIdentity';
import { pairingMessage, pairingProof, proofMatches, type PairingCodes, type PairingParties } from './pairing';
import { jsonOf, originOf, parseLaptopUrl, requestPeer } from './venueClient';
import type { VenueCertificate } from './venueCertificate';
import { assertSameDeviceKey, getPeer, savePeer, type PairedPeer } from './venuePeers';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const base64Key = z.string().min(40).max(200).regex(/^[A-Za-z0-9+/=]+$/);
const deviceIdText = z.string().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/);

const hello = z.object({ deviceId: deviceIdText, name: deviceName, publicKey: base64Key }).strict();
const joinRequest = z
  .object({
    deviceId: deviceIdText,
    name: deviceName,
    publicKey: base64Key,
    certFingerprint: hex64,
    /** Where the joining laptop listens, if it does (the address it came from when it names none). */
    host: z.string().regex(/^[0-9a-fA-F.:]{2,64}$/).nullable(),
    port: z.number().int().min(1).max(65535).nullable(),
    proof: hex64,
    signature: z.string().min(40).max(200),
  })
  .strict();
const joinAnswer = z.object({ deviceId: deviceIdText, name: deviceName, publicKey: base64Key, proof: hex64, signature: z.string().min(40).max(200) }).strict();

const refused = (message: string) => new CoreError('pairing_refused', message);

/** What the laptop being joined says of itself before pairing: what the venue screen shows anyway. */
export function helloOf(ctx: CoreContext): z.infer<typeof hello> {
  const identity = publicDeviceIdentity(ctx);
  return { deviceId: ctx.deviceId, name: identity.name, publicKey: identity.publicKey };
}

/**
 * The laptop being joined: checks the code (through the proof, timing-safe, each wrong one
 * counted), the joining laptop's signature over what both saw, and that its device key is not a
 * new key for a device this laptop knows; then pins it and proves knowing the code in return.
 */
export function acceptPairing(
  ctx: CoreContext,
  own: VenueCertificate,
  codes: PairingCodes,
  joinerCert: string,
  remoteAddress: string,
  body: unknown,
): z.infer<typeof joinAnswer> {
  const parsed = joinRequest.safeParse(body);
  if (!parsed.success) throw new CoreError('invalid_input', 'A pairing request must give the device id, key, name, certificate fingerprint, port, proof and signature.');
  const join = parsed.data;
  if (join.deviceId === ctx.deviceId) throw refused('A laptop cannot pair with itself.');
  if (join.certFingerprint !== joinerCert) throw refused('The certificate named in the request is not the one the connection presents.');
  const parties: PairingParties = { hostCert: own.fingerprint, joinerCert, hostDevice: ctx.deviceId, joinerDevice: join.deviceId };
  const code = codes.open()?.code;
  if (code === undefined || !codes.attempt((candidate) => proofMatches(candidate, 'join', parties, join.proof))) {
    throw refused('The pairing code is wrong, expired or already used. Ask for a new code on the laptop being joined.');
  }
  // The right code was used: it is spent whatever follows.
  codes.use();
  if (!verifyBytes(join.publicKey, pairingMessage('join', parties), join.signature)) throw refused('The pairing request is not signed by the device key it gives.');
  assertSameDeviceKey(ctx.db, join.deviceId, join.publicKey, join.name);
  savePeer(ctx.db, {
    deviceId: join.deviceId,
    name: join.name,
    publicKey: join.publicKey,
    certFingerprint: joinerCert,
    url: join.port === null ? '' : originOf(join.host ?? remoteAddress, join.port),
    pairedAt: new Date().toISOString(),
  });
  const identity = deviceIdentity(ctx);
  return {
    deviceId: ctx.deviceId,
    name: identity.name,
    publicKey: identity.publicKey,
    proof: pairingProof(code, 'host', parties),
    signature: signBytes(identity, pairingMessage('host', parties)),
  };
}

/**
 * The joining laptop: pins the certificate the URL names before sending anything (or, for an
 * address typed without one, the certificate first seen, which the code then vouches for), proves
 * the code, and pins the other laptop once it has proved the code in return.
 */
export async function joinPeer(
  ctx: CoreContext,
  own: VenueCertificate,
  url: string,
  code: string,
  listening: { host: string | null; port: number } | null,
  timeoutMs: number,
): Promise<PairedPeer> {
  const target = parseLaptopUrl(url);
  const first = await requestPeer(target, own, { method: 'GET', path: '/v1/hello', pinned: target.fingerprint, maxBytes: 16 * 1024, timeoutMs });
  const about = hello.safeParse(jsonOf(target, first));
  if (!about.success) throw new CoreError('peer_response_invalid', `${target.origin} did not answer as a Plenary laptop.`);
  const host = about.data;
  if (host.deviceId === ctx.deviceId) throw new CoreError('invalid_input', 'That address is this laptop’s own.');
  assertSameDeviceKey(ctx.db, host.deviceId, host.publicKey, host.name);
  const identity = deviceIdentity(ctx);
  const parties: PairingParties = { hostCert: first.certFingerprint, joinerCert: own.fingerprint, hostDevice: host.deviceId, joinerDevice: ctx.deviceId };
  const response = await requestPeer(target, own, {
    method: 'POST',
    path: '/v1/pair',
    pinned: first.certFingerprint,
    maxBytes: 16 * 1024,
    timeoutMs,
    json: {
      deviceId: ctx.deviceId,
      name: identity.name,
      publicKey: identity.publicKey,
      certFingerprint: own.fingerprint,
      host: listening?.host ?? null,
      port: listening?.port ?? null,
      proof: pairingProof(code, 'join', parties),
      signature: signBytes(identity, pairingMessage('join', parties)),
    },
  });
  const answer = joinAnswer.safeParse(jsonOf(target, response));
  if (!answer.success) throw new CoreError('peer_response_invalid', `${target.origin} answered the pairing with something else.`);
  const back = answer.data;
  if (back.deviceId !== host.deviceId || back.publicKey !== host.publicKey) throw new CoreError('peer_key_changed', `${target.origin} changed its device between two requests; it was not paired.`);
  if (!proofMatches(code, 'host', parties, back.proof) || !verifyBytes(back.publicKey, pairingMessage('host', parties), back.signature)) {
    throw refused(`${target.origin} could not prove it knows the code; it was not paired.`);
  }
  savePeer(ctx.db, { deviceId: back.deviceId, name: back.name, publicKey: back.publicKey, certFingerprint: first.certFingerprint, url: target.origin, pairedAt: new Date().toISOString() });
  const peer = getPeer(ctx.db, back.deviceId);
  if (!peer) throw new CoreError('internal', 'The paired laptop was not saved.');
  return peer;
}
