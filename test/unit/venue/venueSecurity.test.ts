import { generateKeyPairSync } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, type CoreContext } from '../../../main/core/coreContext';
import { venueCertificate, type VenueCertificate } from '../../../main/core/venue/venueCertificate';
import { joinPeer } from '../../../main/core/venue/venuePairing';
import { parseLaptopUrl, requestPeer } from '../../../main/core/venue/venueClient';
import { venueController, type VenueOptions } from '../../../main/core/venue/venueController';
import { savePeer } from '../../../main/core/venue/venuePeers';
import { snapshot, tempDir, validForum } from '../helpers/tempCore';
import { createSession, sessionInput } from '../agenda/agendaFixture';
import { forumState, laptop, pair, reopen, settle } from './venueHelpers';
import fs from 'node:fs';

// Exchanges only when the test asks (peers:sync), so what each laptop has is the test's to say.
const manual: VenueOptions = { pullIntervalMs: 3_600_000, nudgeDelayMs: 3_600_000, timeoutMs: 5000 };

const servers: https.Server[] = [];
afterEach(async () => {
  while (servers.length) {
    const server = servers.pop();
    await new Promise((resolve) => {
      server?.close(resolve);
      server?.closeAllConnections();
    });
  }
});

const stranger = (): Promise<VenueCertificate> => venueCertificate(path.join(tempDir(), 'stranger.sqlite'));

async function hostWithForum(options: VenueOptions = manual) {
  const a = await laptop('Secretariat');
  const status = await venueController(a, options).start({ host: '127.0.0.2' });
  const forum = await invoke(a, 'forums:create', validForum);
  return { a, forum, url: status.laptopUrl ?? '', address: parseLaptopUrl(status.laptopUrl ?? '') };
}

describe('who may talk to a laptop in venue mode', () => {
  it('answers an unpaired certificate 401 on every exchange route, and changes nothing', async () => {
    const { a, forum, address } = await hostWithForum();
    const cert = await stranger();
    const before = snapshot(a);
    const ask = (method: 'GET' | 'POST', route: string, json?: unknown) =>
      requestPeer(address, cert, { method, path: route, pinned: address.fingerprint, maxBytes: 1 << 20, timeoutMs: 5000, ...(json ? { json } : {}) });
    for (const [method, route, json] of [
      ['GET', '/v1/forums'],
      ['POST', `/v1/forums/${forum.id}/bundle`, { knowledge: [] }],
      ['POST', '/v1/nudge', { forumId: forum.id }],
    ] as const) {
      const response = await ask(method, route, json);
      expect(response.status, route).toBe(401);
      expect(JSON.parse(response.body.toString())).toMatchObject({ error: { code: 'unauthorized' } });
    }
    // Who it is, and nothing else, before pairing.
    const hello = JSON.parse((await ask('GET', '/v1/hello')).body.toString());
    expect(Object.keys(hello).sort()).toEqual(['deviceId', 'name', 'publicKey']);
    expect(snapshot(a)).toBe(before);
  });

  it('answers a client without a certificate 401', async () => {
    const { address } = await hostWithForum();
    const status = await new Promise<number>((resolve, reject) => {
      https.get({ host: address.host, port: address.port, path: '/v1/forums', rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(401);
  });

  it('refuses a device id paired again under another device key (peer_key_changed), changing nothing', async () => {
    const { a, url } = await hostWithForum();
    const b = await laptop('Rapporteur B');
    await venueController(b, manual).start({ host: '127.0.0.3' });
    await pair(b, a);
    await settle(a, b);
    const mallory = await laptop('Mallory');
    const code = (await venueController(a).newPairingCode()).pairing?.code ?? '';
    const before = snapshot(a);
    // Mallory's own key, under B's device id.
    const forged = { ...mallory, deviceId: b.deviceId } as CoreContext;
    await expect(joinPeer(forged, await venueController(mallory, manual).certificate(), url, code, null, 5000)).rejects.toMatchObject({ code: 'peer_key_changed' });
    expect(snapshot(a)).toBe(before);
  });

  it('refuses a paired laptop that comes back with another certificate, both ways, and takes nothing from it', async () => {
    const { a, forum } = await hostWithForum();
    let b = await laptop('Rapporteur B');
    await venueController(b, manual).start({ host: '127.0.0.3' });
    await pair(b, a);
    await settle(b);
    expect((await venueController(a).syncNow())[0]).toMatchObject({ ok: true });
    // B's venue certificate replaced (another machine claiming to be B, or a reinstall).
    await b.venue?.close();
    await b.worker.close();
    closeCore(b);
    fs.rmSync(`${b.databasePath}.venue.pem`);
    b = await reopen(b);
    await venueController(b, manual).resume();
    await createSession(b, forum.id, sessionInput({ title: { en: 'From the new certificate' } }));
    const before = snapshot(a);
    expect(await venueController(a).syncNow()).toEqual([{ deviceId: b.deviceId, ok: false, changes: 0, held: 0, error: 'peer_key_changed' }]);
    expect(snapshot(a)).toBe(before);
    expect(venueController(a).peers()[0]).toMatchObject({ state: 'backing_off', lastError: 'peer_key_changed' });
    expect(venueController(a).peers()[0]?.retryAt).not.toBeNull();
    // And A no longer answers it.
    expect((await venueController(b).syncNow())[0]).toMatchObject({ ok: false, error: 'peer_unpaired' });
    expect(snapshot(a)).toBe(before);
  });
});

describe('pairing codes', () => {
  async function twoLaptops(options: VenueOptions = manual) {
    const { a, url } = await hostWithForum(options);
    const b = await laptop('Rapporteur B');
    await venueController(b, manual).start({ host: '127.0.0.3' });
    const code = (await venueController(a).status()).pairing?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    return { a, b, url, code, wrong };
  }

  it('refuses a wrong code (pairing_refused) and pairs nothing on either side', async () => {
    const { a, b, url, wrong } = await twoLaptops();
    const before = [snapshot(a), snapshot(b)];
    await expect(venueController(b).addPeer(url, wrong)).rejects.toMatchObject({ code: 'pairing_refused' });
    expect([snapshot(a), snapshot(b)]).toEqual(before);
  });

  it('voids the code after five wrong ones: the right one no longer works, a new one does', async () => {
    const { a, b, url, code, wrong } = await twoLaptops();
    for (let i = 0; i < 5; i++) await expect(venueController(b).addPeer(url, wrong)).rejects.toMatchObject({ code: 'pairing_refused' });
    expect((await venueController(a).status()).pairing).toBeNull();
    await expect(venueController(b).addPeer(url, code)).rejects.toMatchObject({ code: 'pairing_refused' });
    const fresh = (await venueController(a).newPairingCode()).pairing?.code ?? '';
    await expect(venueController(b).addPeer(url, fresh)).resolves.toMatchObject({ deviceId: a.deviceId });
  });

  it('refuses a code already used', async () => {
    const { a, b, url, code } = await twoLaptops();
    await venueController(b).addPeer(url, code);
    await settle(a, b);
    const c = await laptop('Rapporteur C');
    const before = snapshot(a);
    await expect(venueController(c, manual).addPeer(url, code)).rejects.toMatchObject({ code: 'pairing_refused' });
    expect(snapshot(a)).toBe(before);
  });

  it('refuses a code after its five minutes', async () => {
    let now = Date.now();
    const { a, b, url, code } = await twoLaptops({ ...manual, now: () => now });
    now += 5 * 60 * 1000 + 1;
    const before = snapshot(a);
    await expect(venueController(b).addPeer(url, code)).rejects.toMatchObject({ code: 'pairing_refused' });
    expect(snapshot(a)).toBe(before);
  });
});

describe('what crosses the wire', () => {
  async function pairedClient(options: VenueOptions = manual) {
    const { a, forum, address } = await hostWithForum(options);
    const b = await laptop('Rapporteur B');
    await venueController(b, manual).start({ host: '127.0.0.3' });
    await pair(b, a);
    await settle(a, b);
    const cert = await venueController(b).certificate();
    const ask = (method: 'GET' | 'POST', route: string, json?: unknown) =>
      requestPeer(address, cert, { method, path: route, pinned: address.fingerprint, maxBytes: 1 << 20, timeoutMs: 5000, ...(json === undefined ? {} : { json }) });
    return { a, b, forum, ask };
  }

  it('refuses oversized and malformed requests with a clear code, and changes nothing', async () => {
    const { a, forum, ask } = await pairedClient();
    const before = snapshot(a);
    const cases: Array<[string, Promise<{ status: number; body: Buffer }>, number, string]> = [
      ['a nudge of 10 KB', ask('POST', '/v1/nudge', { forumId: 'x'.repeat(10_000) }), 413, 'payload_too_large'],
      ['a nudge without a forum', ask('POST', '/v1/nudge', { hello: 1 }), 400, 'invalid_input'],
      ['knowledge that is not a list', ask('POST', `/v1/forums/${forum.id}/bundle`, { knowledge: 'all of it' }), 400, 'invalid_input'],
      ['a forum that does not exist', ask('POST', '/v1/forums/nosuchforum1/bundle', { knowledge: [] }), 404, 'not_found'],
      ['a route that does not exist', ask('GET', '/v1/everything'), 404, 'not_found'],
    ];
    for (const [what, response, status, code] of cases) {
      const answer = await response;
      expect(answer.status, what).toBe(status);
      expect(JSON.parse(answer.body.toString()), what).toMatchObject({ error: { code } });
    }
    expect(snapshot(a)).toBe(before);
  });

  it('slows down a peer that floods (rate_limited)', async () => {
    // Pairing and the first exchanges took a few of the 20.
    const { ask } = await pairedClient({ ...manual, rateLimit: { burst: 20, perSecond: 0.001 } });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await ask('GET', '/v1/forums')).status);
    expect(statuses[0]).toBe(200);
    expect(statuses.at(-1)).toBe(429);
  });

  /** A "paired" peer that is a server of the test's own, answering what each case says. */
  async function fakePeer(answer: (route: string, res: ServerResponse) => void, options: VenueOptions = manual) {
    const a = await laptop('Secretariat');
    await venueController(a, options).start({ host: '127.0.0.2' });
    const cert = await stranger();
    const server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => answer(`${req.method ?? ''} ${req.url ?? ''}`, res));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.6', resolve));
    const port = (server.address() as { port: number }).port;
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    savePeer(a.db, { deviceId: 'fake-peer-0001', name: 'Fake', publicKey, certFingerprint: cert.fingerprint, url: `https://127.0.0.6:${port}`, pairedAt: new Date().toISOString() });
    return a;
  }

  const forums = JSON.stringify([{ id: 'forum-from-fake-1', title: 'Fake', deleted: false }]);

  it.each([
    ['a list of forums that is not JSON', (route: string, res: ServerResponse) => res.end('<html>hello</html>'), 'peer_response_invalid'],
    ['a list of forums of the wrong shape', (_route: string, res: ServerResponse) => res.end(JSON.stringify({ forums: 'all' })), 'peer_response_invalid'],
    [
      'a bundle that is not a zip',
      (route: string, res: ServerResponse) => res.end(route.startsWith('GET /v1/forums') ? forums : Buffer.from('PK\u0003\u0004 definitely not a bundle')),
      'bundle_rejected',
    ],
    [
      'a body larger than the cap',
      (route: string, res: ServerResponse) => {
        if (route.startsWith('GET /v1/forums')) return res.end(forums);
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        for (let i = 0; i < 64; i++) res.write(Buffer.alloc(16 * 1024, 7));
        res.end();
      },
      'peer_response_invalid',
    ],
  ])('takes nothing from a peer answering %s, and backs it off', async (_what, answer, code) => {
    const a = await fakePeer(answer, { ...manual, maxBundleBytes: 256 * 1024 });
    const before = snapshot(a);
    const [outcome] = await venueController(a).syncNow();
    expect(outcome).toMatchObject({ ok: false, error: code });
    expect(snapshot(a)).toBe(before);
    expect(venueController(a).peers()[0]).toMatchObject({ state: 'backing_off', lastError: code });
  });

  it('gives up on a peer that never answers (peer_unreachable) while local writes go on', async () => {
    const a = await fakePeer(() => undefined, { ...manual, timeoutMs: 2000 });
    const forum = await invoke(a, 'forums:create', validForum);
    let pending = true;
    const pulling = venueController(a)
      .syncNow()
      .finally(() => (pending = false));
    await createSession(a, forum.id, sessionInput({ title: { en: 'Written while the peer hangs' } }));
    expect(pending).toBe(true);
    expect((await pulling)[0]).toMatchObject({ ok: false, error: 'peer_unreachable' });
    expect(venueController(a).peers()[0]).toMatchObject({ state: 'unreachable', lastError: 'peer_unreachable' });
  });

  it('takes no mass deletion from a peer (it waits for a yes, as a bundle file would) and keeps saying so', async () => {
    const { a, b, forum } = await pairedClient();
    expect((await venueController(b).syncNow())[0]).toMatchObject({ ok: true });
    await invoke(a, 'forums:setDeleted', { id: forum.id, deleted: true });
    // The exchange itself went through (its time is noted); the forum's data did not move.
    const before = forumState(b);
    expect((await venueController(b).syncNow())[0]).toMatchObject({ ok: true, changes: 0, error: 'confirmation_required' });
    expect(forumState(b)).toBe(before);
    expect(b.db.prepare('SELECT deleted FROM forums WHERE id = ?').pluck().get(forum.id)).toBe(0);
    expect(venueController(b).peers()[0]).toMatchObject({ state: 'ok', lastError: 'confirmation_required' });
    // Still waiting (not asked for again for a while), still nothing changed.
    expect((await venueController(b).syncNow())[0]).toMatchObject({ ok: true, changes: 0, error: 'confirmation_required' });
    expect(forumState(b)).toBe(before);
  });

  it('holds back a change the peer’s role does not allow, as an imported file would', async () => {
    const { a, b, forum } = await pairedClient();
    expect((await venueController(b).syncNow())[0]).toMatchObject({ ok: true });
    // Roles switched on at A; B, not yet told, adds a session it has no role for.
    await invoke(a, 'roles:enable', { forumId: forum.id });
    await createSession(b, forum.id, sessionInput({ title: { en: 'Without a role' } }));
    const [outcome] = await venueController(a).syncNow();
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, changes: 0 });
    expect(outcome?.held).toBeGreaterThan(0);
    expect(a.db.prepare("SELECT count(*) FROM sessions WHERE title LIKE '%Without a role%'").pluck().get()).toBe(0);
    expect(await invoke(a, 'held:list', { forumId: forum.id })).toMatchObject([{ reason: 'role', device: { id: b.deviceId } }]);
  });
});
