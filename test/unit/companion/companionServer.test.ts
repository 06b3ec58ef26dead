import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { startCompanionServer, type CompanionServer } from '../../../main/core/companion/companionServer';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import type { CompanionAgenda, CompanionAnnouncement, CompanionDocument, CompanionForum, CompanionParagraph } from '../../../shared/companion';
import { momentInZone } from '../../../shared/forumClock';
import { snapshot, tempCore, tempDir } from '../helpers/tempCore';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request as a phone (or anything else on the venue's network) would make it. */
function request(port: number, target: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const servers: CompanionServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
});

/** A page as Vite builds it: index.html and a hashed script. */
function builtPage(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Companion</title><script type="module" src="./assets/page-abc123.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'page-abc123.js'), 'console.log("companion")');
  return dir;
}

const secret = { email: 'zhu.secret@example.org', organisation: 'Secretive Holdings Ltd', position: 'Head of Hidden Affairs', name: 'Zhu Wénjié', rapporteur: 'Rapporteur Onlyname' };

/** The demo forum, a speaker with personal data on a session, a rapporteur who is on no programme, and the venue's clock fixed inside that session. */
async function venue(limits?: Parameters<typeof startCompanionServer>[1]['limits']) {
  const ctx = await tempCore();
  const forum = createDemoForum(ctx);
  const forumId = forum.id;
  const person = (name: string) =>
    invoke(ctx, 'participants:create', {
      forumId,
      participant: { name, organisation: secret.organisation, position: secret.position, orgType: null, country: 'KE', gender: 'female', roles: [], email: secret.email, languages: [] },
    });
  const speaker = await person(secret.name);
  const rapporteur = await person(secret.rapporteur);
  const session = await invoke(ctx, 'sessions:create', {
    forumId,
    session: {
      day: forum.startDate,
      startTime: '07:00',
      endTime: '07:45',
      kind: 'parallel',
      title: { en: 'Early session on water', es: 'Sesión temprana sobre el agua' },
      room: { en: 'Room W' },
      description: { en: 'Contact the speaker at zhu.secret@example.org' },
      roles: [
        { participantId: speaker.id, role: 'speaker' },
        { participantId: rapporteur.id, role: 'rapporteur' },
      ],
    },
  });
  const link = await invoke(ctx, 'companion:link', { forumId });
  // 07:10 at the venue on the forum's first day.
  const guess = Date.parse(`${forum.startDate}T07:10:00Z`);
  const seen = momentInZone(forum.timeZone, new Date(guess));
  const at = guess - (Date.parse(`${seen.day}T${seen.time}:00Z`) - guess);
  const server = await startCompanionServer(ctx, { host: '127.0.0.1', pageDir: builtPage(), now: () => at, ...(limits ? { limits } : {}) });
  servers.push(server);
  const get = (rest: string, options?: Parameters<typeof request>[2]) => request(server.port, `${link.path}${rest}`, options);
  return { ctx, forumId, session, link, server, get };
}

const paragraphsOf = (ctx: CoreContext, forumId: string) =>
  ctx.db.prepare("SELECT id FROM outcome_paragraphs WHERE coalesce(document_id, forum_id) = ? AND kind = 'numbered' AND deleted = 0 ORDER BY position").pluck().all(forumId) as string[];

describe('the companion server', () => {
  it('serves the page and its assets with headers that stop framing and foreign scripts', async () => {
    const { get, server, link } = await venue();
    const page = await get('');
    expect(page.status).toBe(200);
    expect(page.body).toContain('assets/page-abc123.js');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
    const script = await get('assets/page-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect((await get('assets/../../../etc/passwd')).status).toBe(404);
    expect(server.urlFor(link.forumId)).toBe(`http://127.0.0.1:${server.port}${link.path}`);
    // Without the trailing slash, the page's relative assets would miss: sent to the right place.
    const bare = await request(server.port, link.path.slice(0, -1));
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe(link.path);
  });

  it('answers the forum, the agenda with now and next, and my sessions by a name on the programme', async () => {
    const { get, session } = await venue();
    const forum = JSON.parse((await get('data/forum?lang=es')).body) as CompanionForum;
    expect(forum.lang).toBe('es');
    expect(forum.languages).toContain('en');
    const agenda = JSON.parse((await get('data/agenda?lang=es')).body) as CompanionAgenda;
    expect(agenda.now).toEqual([session.id]);
    expect(agenda.next.length).toBeGreaterThan(0);
    const early = agenda.sessions.find((s) => s.id === session.id);
    expect(early?.title).toEqual({ text: 'Sesión temprana sobre el agua', lang: 'es', fallback: false });
    expect(early?.room).toEqual({ text: 'Room W', lang: 'en', fallback: true });
    expect(early?.people).toEqual([{ role: 'speaker', name: secret.name }]);
    // Accents and case ignored; the rapporteur is on no programme and is found nowhere.
    const mine = JSON.parse((await get(`data/mine?name=${encodeURIComponent('wenjie')}`)).body) as { sessionIds: string[]; names: string[] };
    expect(mine).toEqual({ sessionIds: [session.id], names: [secret.name] });
    expect(JSON.parse((await get('data/mine?name=Onlyname')).body)).toEqual({ sessionIds: [], names: [] });
    expect(JSON.parse((await get('data/mine?name=z')).body)).toEqual({ sessionIds: [], names: [] });
  });

  it('follows the projector: the paragraph answers 304 while it stays, and the new one when the chair moves on', async () => {
    const { ctx, forumId, get } = await venue();
    const empty = JSON.parse((await get('data/paragraph')).body) as CompanionParagraph;
    expect(empty.text).toBeNull();
    const [first = '', second = ''] = paragraphsOf(ctx, forumId);
    await invoke(ctx, 'projector:show', { forumId, documentId: forumId, paragraphId: first });
    const shown = await get('data/paragraph?lang=en');
    const paragraph = JSON.parse(shown.body) as CompanionParagraph;
    expect(paragraph).toMatchObject({ documentId: forumId, number: 1, label: 'First, ' });
    expect(paragraph.text?.lang).toBe('en');
    expect(paragraph.text?.text.length).toBeGreaterThan(20);
    const etag = shown.headers.etag ?? '';
    expect(etag).toMatch(/^".+"$/);
    const unchanged = await get('data/paragraph?lang=en', { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe('');
    await invoke(ctx, 'projector:show', { forumId, documentId: forumId, paragraphId: second });
    const moved = await get('data/paragraph?lang=en', { headers: { 'If-None-Match': etag } });
    expect(moved.status).toBe(200);
    expect(JSON.parse(moved.body)).toMatchObject({ number: 2, label: 'Second, ' });
  });

  it('lists live announcements and the documents, and serves a document to download', async () => {
    const { ctx, forumId, get } = await venue();
    const kept = await invoke(ctx, 'announcements:post', { forumId, text: '午餐在露台供应。', lang: 'zh' });
    const gone = await invoke(ctx, 'announcements:post', { forumId, text: 'Wrong room, sorry', lang: 'en' });
    await invoke(ctx, 'announcements:withdraw', { id: gone.id });
    expect(JSON.parse((await get('data/announcements')).body)).toEqual([{ id: kept.id, text: kept.text, lang: 'zh', postedAt: kept.postedAt }] satisfies CompanionAnnouncement[]);
    const documents = JSON.parse((await get('data/documents?lang=en')).body) as CompanionDocument[];
    const consensus = documents.find((d) => d.id === forumId);
    expect(consensus?.href).toBe(`documents/${forumId}/en.html`);
    const file = await get(consensus?.href ?? '');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/text\/html/);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(file.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(file.body).toContain('Songyang');
    expect((await get(`documents/${forumId}/de.html`)).status).toBe(404);
    expect((await get('documents/not-a-document-of-this-forum/en.html')).status).toBe(404);
  });

  it('never answers with a participant’s personal data, nor a name that is not on the programme', async () => {
    const { ctx, forumId, get } = await venue({ burst: 1000 });
    const [first = ''] = paragraphsOf(ctx, forumId);
    await invoke(ctx, 'projector:show', { forumId, documentId: forumId, paragraphId: first });
    await invoke(ctx, 'announcements:post', { forumId, text: 'Welcome', lang: 'en' });
    const bodies: string[] = [];
    for (const lang of ['en', 'zh', 'es', 'ar']) {
      for (const rest of ['', 'data/forum', 'data/agenda', 'data/mine?name=Zhu', 'data/mine?name=a', 'data/paragraph', 'data/announcements', 'data/documents']) {
        bodies.push((await get(`${rest}${rest.includes('?') ? '&' : '?'}lang=${lang}`)).body);
      }
    }
    const answers = bodies.join('\n');
    expect(answers).toContain(secret.name);
    expect(answers).not.toContain(secret.rapporteur);
    // The documents print what their drafters put in them (a concept note's agenda names its
    // rapporteurs too), but never a participant's details.
    const documents = JSON.parse((await get('data/documents')).body) as CompanionDocument[];
    expect(documents.length).toBeGreaterThan(3);
    for (const document of documents) bodies.push((await get(document.href)).body);
    const all = bodies.join('\n');
    for (const forbidden of [secret.email, secret.organisation, secret.position, 'female']) expect(all).not.toContain(forbidden);
    // Nobody else's e-mail either: the demo's 200 participants have addresses.
    const emails = ctx.db.prepare("SELECT email FROM participants WHERE email <> ''").pluck().all() as string[];
    expect(emails.length).toBeGreaterThan(10);
    for (const email of emails) expect(all).not.toContain(email);
  });
});

describe('what the companion refuses', () => {
  it('writes, other paths, API calls, unknown and revoked links: a clear status, a small body, nothing written', async () => {
    const { ctx, forumId, get, server, link } = await venue({ burst: 1000 });
    const before = snapshot(ctx);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const answer = await get('data/announcements', { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ forumId, text: 'Hacked', lang: 'en' }) });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'method_not_allowed' });
    }
    const posted = await request(server.port, '/api/announcements:post', { method: 'POST', body: JSON.stringify({ forumId, text: 'Hacked', lang: 'en' }) });
    expect(posted.status).toBe(405);
    expect((await request(server.port, '/api/announcements:list')).status).toBe(404);
    expect((await get('api/companion:revoke')).status).toBe(404);
    expect((await request(server.port, '/')).status).toBe(404);
    expect((await get('data/participants')).status).toBe(404);
    // A GET that carries a body is refused before the body is read.
    const withBody = await get('data/agenda', { headers: { 'Content-Length': '10000' }, body: 'x'.repeat(10_000) });
    expect(withBody.status).toBe(413);
    expect(withBody.headers.connection).toBe('close');
    const unknown = await request(server.port, '/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/data/forum');
    expect(unknown.status).toBe(403);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: 'link_not_valid' });
    const misdirected = await get('data/forum', { headers: { Host: 'evil.example:80' } });
    expect(misdirected.status).toBe(421);
    expect(snapshot(ctx)).toBe(before);

    // Revoked: the old link stops at once, the new one works.
    const renewed = await invoke(ctx, 'companion:revoke', { forumId });
    expect((await get('data/forum')).status).toBe(403);
    expect((await request(server.port, `${renewed.path}data/forum`)).status).toBe(200);
    expect(server.urlFor(forumId)).toBe(`http://127.0.0.1:${server.port}${renewed.path}`);
    expect(link.token).not.toBe(renewed.token);
  });

  it('slows a client that asks too fast: 429 with Retry-After, served again once its bucket refills', async () => {
    let now = 1_000_000;
    const { get } = await venue({ burst: 3, ratePerSecond: 1, now: () => now });
    for (let i = 0; i < 3; i++) expect((await get('data/forum')).status).toBe(200);
    const slowed = await get('data/forum');
    expect(slowed.status).toBe(429);
    expect(slowed.headers['retry-after']).toBe('1');
    expect(JSON.parse(slowed.body)).toMatchObject({ error: 'rate_limited' });
    now += 1000;
    expect((await get('data/forum')).status).toBe(200);
  });
});
