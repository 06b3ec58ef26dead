import { describe, expect, it } from 'vitest';
import { bonjourDiscovery, type BonjourDiscovery } from '../../../main/core/venue/bonjourDiscovery';
import { advertisedTxt, instanceName, nearbyFromServices, type DiscoveredService } from '../../../main/core/venue/nearbyLaptops';
import { laptopUrl, nearbyLaptop } from '../../../shared/venue';

const fp = 'a1'.repeat(32);
const own = 'device-own';
const notPaired = () => false;

function record(over: Partial<DiscoveredService> & { txt?: unknown } = {}): DiscoveredService {
  return { name: 'Room B (device-b)', port: 47001, addresses: ['192.168.1.20'], referer: { address: '192.168.1.20' }, txt: { id: 'device-b', fp, h: '192.168.1.20' }, lastSeen: 1, ...over };
}

describe('nearby laptops from DNS-SD records', () => {
  it('reads a well-formed record into a name, an id and a URL the join form accepts', () => {
    const [laptop, ...rest] = nearbyFromServices([record()], own, (id) => id === 'device-b');
    expect(rest).toEqual([]);
    expect(laptop).toEqual({ name: 'Room B', deviceId: 'device-b', url: `https://192.168.1.20:47001/#fp=${fp}`, paired: true });
    expect(nearbyLaptop.safeParse(laptop).success).toBe(true);
    expect(laptopUrl.safeParse(laptop?.url).success).toBe(true);
  });

  it('leaves out this laptop’s own announcement', () => {
    expect(nearbyFromServices([record({ txt: { id: own, fp, h: '192.168.1.20' } })], own, notPaired)).toEqual([]);
  });

  it.each<[string, DiscoveredService]>([
    ['no TXT at all', record({ txt: undefined })],
    ['a TXT that is not an object', record({ txt: 'id=device-b' })],
    ['no id', record({ txt: { fp, h: '192.168.1.20' } })],
    ['an id with spaces and slashes', record({ txt: { id: 'a b/../c', fp } })],
    ['an id too long', record({ txt: { id: 'x'.repeat(201), fp } })],
    ['no fingerprint', record({ txt: { id: 'device-b' } })],
    ['a fingerprint that is not hex', record({ txt: { id: 'device-b', fp: 'zz'.repeat(32) } })],
    ['a fingerprint too short', record({ txt: { id: 'device-b', fp: 'abcd' } })],
    ['a port out of range', record({ port: 70000 })],
    ['a port that is not a number', record({ port: '47001' })],
    ['no usable address', record({ addresses: ['fe80::1'], referer: { address: 'not-an-ip' }, txt: { id: 'device-b', fp, h: 'evil.example' } })],
  ])('drops a record with %s', (_why, bad) => {
    expect(nearbyFromServices([bad, record({ txt: { id: 'device-c', fp, h: '192.168.1.30' }, name: 'Room C (device-c)' })], own, notPaired).map((l) => l.deviceId)).toEqual(['device-c']);
  });

  it('lists a laptop announced twice once, from its most recent record', () => {
    const older = record({ lastSeen: 1, txt: { id: 'device-b', fp, h: '10.0.0.5' } });
    const newer = record({ lastSeen: 2, name: 'Room B renamed (device-b)' });
    for (const order of [[older, newer], [newer, older]]) {
      const list = nearbyFromServices(order, own, notPaired);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ name: 'Room B renamed', url: `https://192.168.1.20:47001/#fp=${fp}` });
    }
  });

  it('finds an address when the TXT names none: where the record came from, else IPv4 before IPv6', () => {
    const noHost = { id: 'device-b', fp };
    expect(nearbyFromServices([record({ txt: noHost, referer: { address: '10.1.1.1' } })], own, notPaired)[0]?.url).toContain('//10.1.1.1:');
    expect(nearbyFromServices([record({ txt: noHost, referer: undefined, addresses: ['fd00::2', 'fe80::3', '10.2.2.2'] })], own, notPaired)[0]?.url).toContain('//10.2.2.2:');
    expect(nearbyFromServices([record({ txt: noHost, referer: undefined, addresses: ['fe80::3', 'fd00::2'] })], own, notPaired)[0]?.url).toContain('//[fd00::2]:47001/');
  });

  it('reads TXT values that arrive as bytes, and strips control and direction characters from names', () => {
    const bytes = { id: new TextEncoder().encode('device-b'), fp: new TextEncoder().encode(fp) };
    const [laptop] = nearbyFromServices([record({ txt: bytes, name: '\u202eSecretariat\u0007 (device-b)' })], own, notPaired);
    expect(laptop?.name).toBe('Secretariat');
  });

  it('names a laptop whose instance name is empty by the start of its id', () => {
    expect(nearbyFromServices([record({ name: 42 })], own, notPaired)[0]?.name).toBe('device-b');
  });

  it('announces a name that fits one DNS label, whatever the script', () => {
    const long = instanceName({ deviceId: 'abcdef0123456789', name: 'مقرر الجلسة الموازية الثانية – القاعة باء' });
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63);
    expect(long.endsWith(' (abcdef01)')).toBe(true);
    expect(advertisedTxt({ deviceId: 'd', name: 'n', host: '10.0.0.1', port: 1, fingerprint: fp })).toEqual({ id: 'd', fp, h: '10.0.0.1' });
    expect(advertisedTxt({ deviceId: 'd', name: 'n', host: null, port: 1, fingerprint: fp })).toEqual({ id: 'd', fp });
  });
});

// Two instances on this machine's network: a real advertisement and a real browse. Multicast
// works on some machines and not on others (containers without a multicast route): where nothing
// is heard, the test skips and says so.
describe('bonjour discovery on the network', () => {
  it('hears another laptop’s announcement, never its own, and forgets the other once it stops', async (context) => {
    const errors: Error[] = [];
    // Other Plenary laptops may be announcing on this network too: only these two are looked at.
    const ours = (d: BonjourDiscovery) => d.nearby().filter((l) => l.deviceId === 'device-a' || l.deviceId === 'device-b');
    const a = bonjourDiscovery({ ownDeviceId: 'device-a', isPaired: notPaired, onError: (e) => errors.push(e) });
    const b = bonjourDiscovery({ ownDeviceId: 'device-b', isPaired: (id) => id === 'device-a', onError: (e) => errors.push(e) });
    try {
      a.advertise({ deviceId: 'device-a', name: 'Secretariat', host: '127.0.0.1', port: 47123, fingerprint: fp });
      b.advertise({ deviceId: 'device-b', name: 'Room B', host: null, port: 47124, fingerprint: fp });
      const heard = await until(() => ours(b).length > 0 && ours(a).length > 0, 8000);
      if (!heard) context.skip(`no multicast here: nothing heard in 8 s${errors.length ? ` (${errors[0]?.message})` : ''}`);
      expect(ours(b)).toEqual([{ name: 'Secretariat', deviceId: 'device-a', url: `https://127.0.0.1:47123/#fp=${fp}`, paired: true }]);
      expect(ours(a).map((l) => l.deviceId)).toEqual(['device-b']);
      a.stop();
      // The goodbye (TTL 0) removes it at once on the other side.
      expect(await until(() => ours(b).length === 0, 8000)).toBe(true);
      // Venue mode switched on again: announced anew.
      a.advertise({ deviceId: 'device-a', name: 'Secretariat', host: '127.0.0.1', port: 47125, fingerprint: fp });
      expect(await until(() => ours(b)[0]?.url === `https://127.0.0.1:47125/#fp=${fp}`, 8000)).toBe(true);
    } finally {
      stopAll([a, b]);
    }
  }, 30_000);
});

async function until(check: () => boolean, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

function stopAll(discoveries: BonjourDiscovery[]) {
  for (const d of discoveries) d.stop();
}
