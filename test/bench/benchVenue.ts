import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { invoke } from '../../main/core/commands/invoke';
import { closeCore, openCore } from '../../main/core/coreContext';
import { venueController } from '../../main/core/venue/venueController';
import { startServer, stopServer, type PlenaryServer } from '../e2e/serverFixture';
import { percentile } from './measure';

export interface VenueFigures {
  laptops: number;
  seconds: number;
  notes: number;
  /** Arrivals measured: each note on each of the other laptops. */
  arrivals: number;
  missing: number;
  propagationP50Ms: number;
  propagationP95Ms: number;
  propagationMaxMs: number;
  /** The hub laptop's main thread (in this process) while it synced with nine others. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  clients: number;
  phoneSeconds: number;
  companionRequests: number;
  companionFailures: number;
  companionP50Ms: number;
  companionP95Ms: number;
  /** Resident memory of the `plenary serve --venue` process serving the companion: peak and at the end. */
  companionPeakRssMiB: number;
  companionRssMiB: number;
}

interface Child {
  server: PlenaryServer;
  db: Database.Database;
  post<T>(name: string, body: unknown): Promise<T>;
}

const forumInput = {
  title: { en: 'Venue network bench' }, theme: {}, venue: { en: 'Songyang' }, startDate: '2026-12-01', endDate: '2026-12-03',
  timeZone: 'Asia/Shanghai', coOrganisers: [], languages: ['en'], sourceLanguage: 'en', outcomeKind: 'consensus' as const,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function client(server: PlenaryServer, dbPath: string): Child {
  const url = new URL(server.url);
  const token = url.hash.replace('#token=', '');
  return {
    server,
    db: new Database(dbPath, { readonly: true, fileMustExist: true }),
    async post<T>(name: string, body: unknown): Promise<T> {
      const response = await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const answer = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
      if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
      return answer.value;
    },
  };
}

function rssOf(pid: number | undefined): { now: number; peak: number } {
  if (pid === undefined) return { now: NaN, peak: NaN };
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** One GET from its own loopback address (the companion counts clients by address), timed. */
function companionGet(target: URL, localAddress: string, etag: string | undefined): Promise<{ ms: number; status: number; etag: string | undefined }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const request = http.get(
      { host: target.hostname, port: target.port, path: target.pathname, localAddress, headers: etag ? { 'If-None-Match': etag } : {}, timeout: 10_000 },
      (response) => {
        response.resume();
        response.on('end', () => {
          const tag = response.headers.etag;
          resolve({ ms: performance.now() - start, status: response.statusCode ?? 0, etag: typeof tag === 'string' ? tag : etag });
        });
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve({ ms: performance.now() - start, status: 0, etag }));
  });
}

/**
 * The venue network on loopback: a hub laptop (this process, its main thread watched) and nine
 * `plenary serve --venue` laptops on 127.0.0.3–11, each paired with the hub by code. Every laptop
 * types a note every 2 s; each note's arrival on every other laptop is timed by reading their
 * databases. Then 500 phones (each from its own loopback address) poll the companion one laptop
 * serves, every 5 s. Everything listens on loopback only and stops by itself.
 */
export async function benchVenue(dir: string, laptops = 10, seconds = 30, clients = 500, phoneSeconds = 20): Promise<VenueFigures> {
  const hubPath = path.join(dir, 'venue-hub.sqlite');
  const hub = await openCore(hubPath);
  const children: Child[] = [];
  const stopping: Array<() => Promise<void>> = [];
  try {
    const forum = await invoke(hub, 'forums:create', forumInput);
    const session = await invoke(hub, 'sessions:create', {
      forumId: forum.id,
      session: { day: '2026-12-01', startTime: '09:00', endTime: '18:00', kind: 'plenary', title: { en: 'Plenary' }, room: {}, description: {}, roles: [] },
    });
    const venue = venueController(hub);
    let status = await venue.start({ host: '127.0.0.2' });
    for (let i = 1; i < laptops; i++) {
      const dbPath = path.join(dir, `venue-laptop-${i}.sqlite`);
      const server = await startServer(dbPath, 0, [], ['--laptop-name', `Laptop ${i}`, '--venue', '--host', `127.0.0.${i + 2}`]);
      stopping.push(() => stopServer(server));
      children.push(client(server, dbPath));
    }
    for (const child of children) {
      status = await venue.newPairingCode();
      if (!status.laptopUrl || !status.pairing) throw new Error('The hub shows no pairing code');
      await child.post('peers:add', { url: status.laptopUrl, code: status.pairing.code });
    }
    const has = (db: Database.Database, table: string, id: string) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
    for (let waited = 0; !children.every((c) => has(c.db, 'sessions', session.id)); waited += 100) {
      if (waited > 60_000) throw new Error('The forum did not reach every laptop in 60 s');
      await sleep(100);
    }

    const readers = [new Database(hubPath, { readonly: true, fileMustExist: true }), ...children.map((c) => c.db)];
    const write = (i: number, id: string) =>
      i === 0
        ? invoke(hub, 'notes:create', { id, sessionId: session.id, lang: 'en', text: `Note ${id} typed on the hub` })
        : (children[i - 1] as Child).post('notes:create', { id, sessionId: session.id, lang: 'en', text: `Note ${id} typed on laptop ${i}` });

    // Each pending arrival: the note, where it must arrive, and when it was saved where it was typed.
    const pending = new Map<string, { savedAt: number; waiting: Set<number> }>();
    const delays: number[] = [];
    let notes = 0;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const end = started + seconds * 1000;
    const typists = Array.from({ length: laptops }, async (_, i) => {
      await sleep((2000 / laptops) * i);
      while (performance.now() < end) {
        const id = randomUUID();
        await write(i, id);
        notes += 1;
        pending.set(id, { savedAt: performance.now(), waiting: new Set(readers.map((_, j) => j).filter((j) => j !== i)) });
        await sleep(2000);
      }
    });
    const watcher = (async () => {
      let typing = true;
      void Promise.all(typists).then(() => (typing = false));
      const giveUp = () => performance.now() > end + 20_000;
      while (typing || (pending.size > 0 && !giveUp())) {
        for (const [id, note] of pending) {
          for (const j of note.waiting) {
            if (has(readers[j] as Database.Database, 'notes', id)) {
              delays.push(performance.now() - note.savedAt);
              note.waiting.delete(j);
            }
          }
          if (note.waiting.size === 0) pending.delete(id);
        }
        await sleep(25);
      }
    })();

    await Promise.all(typists);
    await watcher;
    loop.disable();
    readers[0]?.close();

    // Then the companion, served by the first child laptop (its sync loop still running), polled
    // by `clients` phones. The laptops typing alongside would be other computers at a venue; here
    // they share this machine's two cores, so they rest while the phones are measured.
    const phones = children[0] as Child;
    const link = await phones.post<{ url: string | null }>('companion:link', { forumId: forum.id });
    if (!link.url) throw new Error('The companion link has no address: is venue mode on?');
    const target = new URL(`${link.url.replace(/\/$/, '')}/data/paragraph`);
    const answers: number[] = [];
    let failures = 0;
    const phoneEnd = performance.now() + phoneSeconds * 1000;
    const polls = Array.from({ length: clients }, async (_, k) => {
      const localAddress = `127.0.${1 + Math.floor(k / 250)}.${1 + (k % 250)}`;
      let etag: string | undefined;
      await sleep(Math.random() * 5000);
      while (performance.now() < phoneEnd) {
        const answer = await companionGet(target, localAddress, etag);
        etag = answer.etag;
        if (answer.status === 200 || answer.status === 304) answers.push(answer.ms);
        else failures += 1;
        await sleep(5000);
      }
    });
    await Promise.all(polls);
    const rss = rssOf(phones.server.process.pid);
    const missing = [...pending.values()].reduce((sum, note) => sum + note.waiting.size, 0);
    return {
      laptops,
      seconds,
      notes,
      arrivals: delays.length,
      missing,
      propagationP50Ms: percentile(delays, 0.5),
      propagationP95Ms: percentile(delays, 0.95),
      propagationMaxMs: Math.max(...delays),
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      loopDelayMaxMs: loop.max / 1e6,
      clients,
      phoneSeconds,
      companionRequests: answers.length,
      companionFailures: failures,
      companionP50Ms: percentile(answers, 0.5),
      companionP95Ms: percentile(answers, 0.95),
      companionPeakRssMiB: rss.peak,
      companionRssMiB: rss.now,
    };
  } finally {
    for (const child of children) child.db.close();
    await Promise.all(stopping.map((stop) => stop()));
    await hub.venue?.close();
    closeCore(hub);
  }
}
