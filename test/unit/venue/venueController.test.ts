import fs from 'node:fs';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { venueCertificate, venueCertificateFile } from '../../../main/core/venue/venueCertificate';
import { venueController } from '../../../main/core/venue/venueController';
import { validForum } from '../helpers/tempCore';
import { createSession, sessionInput } from '../agenda/agendaFixture';
import { eventually, forumState, laptop, pair, settle } from './venueHelpers';
import type { NearbyLaptop } from '../../../shared/venue';

/** Two paired laptops with no rounds within a test: only nudges can carry a change. */
async function pairedByNudgesOnly() {
  const nudgesOnly = { pullIntervalMs: 3_600_000, nudgeDelayMs: 50, timeoutMs: 5000 };
  const a = await laptop('Secretariat');
  const b = await laptop('Rapporteur B');
  await venueController(a, nudgesOnly).start({ host: '127.0.0.2' });
  await venueController(b, nudgesOnly).start({ host: '127.0.0.3' });
  const forum = await invoke(a, 'forums:create', validForum);
  await pair(b, a);
  await settle(a, b);
  return { a, b, forum };
}

describe('venue mode through the contract', () => {
  it('starts on a loopback address, shows the laptop URL and a code, stops, and forgets to resume', async () => {
    const a = await laptop('Secretariat');
    const started = await invoke(a, 'venue:start', { host: '127.0.0.2' });
    expect(started).toMatchObject({ enabled: true, host: '127.0.0.2', pairing: { code: expect.stringMatching(/^\d{6}$/) } });
    expect(started.laptopUrl).toBe(`https://127.0.0.2:${String(started.port)}/#fp=${started.certificateFingerprint}`);
    expect(await invoke(a, 'venue:status', {})).toMatchObject({ enabled: true, port: started.port });
    const renewed = await invoke(a, 'venue:pairingCode', {});
    expect(renewed.pairing?.code).toMatch(/^\d{6}$/);
    const stopped = await invoke(a, 'venue:stop', {});
    expect(stopped).toMatchObject({ enabled: false, host: null, port: null, laptopUrl: null, pairing: null });
    expect(await venueController(a).resume()).toBeNull();
    await expect(invoke(a, 'venue:pairingCode', {})).rejects.toMatchObject({ code: 'venue_unavailable' });
  });

  it('refuses every interface from the contract, an address this computer lacks, and a port in use', async () => {
    const a = await laptop('Secretariat');
    await expect(invoke(a, 'venue:start', { host: '0.0.0.0' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(a, 'venue:start', { host: '192.0.2.77' })).rejects.toMatchObject({ code: 'venue_unavailable' });
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.2', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      await expect(invoke(a, 'venue:start', { host: '127.0.0.2', port })).rejects.toMatchObject({ code: 'venue_unavailable' });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    expect((await invoke(a, 'venue:status', {})).enabled).toBe(false);
  });

  it('pulls at once on a nudge after a write, without waiting for the next round', async () => {
    const { a, b, forum } = await pairedByNudgesOnly();
    await createSession(b, forum.id, sessionInput({ title: { en: 'Nudged across' } }));
    await eventually('a has the session', () => forumState(a) === forumState(b));
  });

  it('finds a paired laptop that came back on another address, by the address its nudge names', async () => {
    const { a, b, forum } = await pairedByNudgesOnly();
    const moved = await venueController(b).start({ host: '127.0.0.7' });
    await createSession(b, forum.id, sessionInput({ title: { en: 'From the new address' } }));
    await eventually('a has the session', () => forumState(a) === forumState(b));
    expect((await invoke(a, 'peers:list', {}))[0]?.url).toBe(`https://127.0.0.7:${String(moved.port)}`);
  });

  it('lists, removes and marks nearby laptops that are paired', async () => {
    let announced: unknown = null;
    const a = await laptop('Secretariat');
    const b = await laptop('Rapporteur B');
    const nearby: NearbyLaptop[] = [
      { name: 'Rapporteur B', deviceId: b.deviceId, url: 'https://127.0.0.3:4000', paired: false },
      { name: 'Stranger', deviceId: 'someone-else', url: 'https://127.0.0.9:4000', paired: false },
      { name: 'Secretariat', deviceId: a.deviceId, url: 'https://127.0.0.2:4000', paired: false },
    ];
    const discovery = { advertise: (info: unknown) => (announced = info), nearby: () => nearby, stop: () => undefined };
    const status = await venueController(a, { pullIntervalMs: 3_600_000, nudgeDelayMs: 3_600_000, discovery }).start({ host: '127.0.0.2' });
    expect(announced).toEqual({ name: 'Secretariat', deviceId: a.deviceId, port: status.port, fingerprint: status.certificateFingerprint });
    await invoke(b, 'venue:start', { host: '127.0.0.3' });
    await pair(b, a);
    await settle(a, b);
    expect(await invoke(a, 'peers:nearby', {})).toEqual([
      { ...nearby[0], paired: true },
      { ...nearby[1], paired: false },
    ]);
    expect(await invoke(b, 'peers:nearby', {})).toEqual([]);
    expect(await invoke(a, 'peers:list', {})).toMatchObject([{ deviceId: b.deviceId, name: 'Rapporteur B', state: 'ok', lastError: null }]);
    expect(await invoke(a, 'peers:remove', { deviceId: b.deviceId })).toEqual([]);
    await expect(invoke(a, 'peers:remove', { deviceId: b.deviceId })).rejects.toMatchObject({ code: 'not_found' });
    // Forgotten here: its requests are answered 401 now.
    expect(await invoke(b, 'peers:sync', {})).toMatchObject({ peers: [{ deviceId: a.deviceId, ok: false, error: 'peer_unpaired' }] });
  });
});

describe('the venue certificate', () => {
  it('is made once, private to its owner, and kept across opens', async () => {
    const a = await laptop('Secretariat');
    const first = await venueCertificate(a.databasePath);
    expect(fs.statSync(venueCertificateFile(a.databasePath)).mode & 0o777).toBe(0o600);
    expect((await venueCertificate(a.databasePath)).fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is never replaced silently when the file is damaged', async () => {
    const a = await laptop('Secretariat');
    fs.writeFileSync(venueCertificateFile(a.databasePath), 'not a certificate', { mode: 0o600 });
    await expect(venueCertificate(a.databasePath)).rejects.toMatchObject({ code: 'venue_unavailable' });
    expect(fs.readFileSync(venueCertificateFile(a.databasePath), 'utf8')).toBe('not a certificate');
  });
});
