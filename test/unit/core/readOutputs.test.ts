import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore, type CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { contract, type CommandInput, type CommandName } from '../../../shared/ipc';
import { importBytes } from '../helpers/exchange';
import { savePeer } from '../../../main/core/venue/venuePeers';
import { venueController } from '../../../main/core/venue/venueController';
import { tempCore, validForum } from '../helpers/tempCore';

/** Commands that only read forum data (bundle:export and device:get may make this laptop's key). */
const reads = [
  'app:info',
  'settings:get',
  'forums:list',
  'forums:get',
  'forums:overview',
  'device:get',
  'devices:peers',
  'bundle:export',
  'bundle:preview',
  'bundle:progress',
  'bundles:preview',
  'held:list',
  'roles:list',
  'agenda:get',
  'participants:query',
  'participants:get',
  'participants:export',
  'participants:importPreview',
  'stats:get',
  'notes:list',
  'catalogues:get',
  'capture:progress',
  'keyMessages:list',
  'keyMessages:duplicates',
  'search:query',
  'outcome:list',
  'outcome:get',
  'outcome:coverage',
  'paragraphs:sources',
  'paragraphs:history',
  'amendments:list',
  'stances:list',
  'speakers:list',
  'speakers:current',
  'export:outcomeCheck',
  'export:outcome',
  'export:agenda',
  'export:participants',
  'export:participation',
  'export:compilation',
  'export:progress',
  'documents:generatedFlags',
  'announcements:list',
  'projector:current',
  // venue:status makes this laptop's venue certificate on first use, as device:get its key.
  'venue:status',
  'peers:list',
  'peers:nearby',
  'xliff:export',
  'xliff:preview',
  'decisions:get',
  'decisions:checkVoteFile',
  'outcome:issuances',
  'export:issuance',
] as const satisfies readonly CommandName[];

const writes = [
  'settings:set',
  'roles:grant',
  'roles:revoke',
  'roles:enable',
  'forums:create',
  'forums:update',
  'forums:setDeleted',
  'demo:create',
  'prose:choose',
  'device:rename',
  'bundle:import',
  'bundles:import',
  'held:apply',
  'held:discard',
  'sessions:create',
  'sessions:update',
  'sessions:setDeleted',
  'agenda:setMe',
  'participants:create',
  'participants:update',
  'participants:setDeleted',
  'participants:checkIn',
  'participants:erase',
  'participants:import',
  'notes:create',
  'notes:update',
  'notes:setDeleted',
  'keyMessages:promote',
  'keyMessages:update',
  'keyMessages:move',
  'keyMessages:merge',
  'keyMessages:setDeleted',
  'outcome:create',
  'outcome:update',
  'paragraphs:create',
  'paragraphs:update',
  'paragraphs:addAlternative',
  'paragraphs:move',
  'paragraphs:setDeleted',
  'paragraphs:setSources',
  'amendments:propose',
  'amendments:update',
  'amendments:decide',
  'stances:set',
  'speakers:add',
  'speakers:move',
  'speakers:next',
  'speakers:act',
  'speakers:settings',
  'documents:generateKeyMessages',
  'documents:keepEdited',
  'documents:takeBackGenerated',
  'announcements:post',
  'announcements:withdraw',
  'projector:show',
  'companion:link',
  'companion:revoke',
  'venue:start',
  'venue:stop',
  'venue:pairingCode',
  'peers:add',
  'peers:remove',
  'peers:sync',
  'xliff:import',
  'decisions:consensus',
  'decisions:votes',
  'decisions:voteFile',
  'decisions:clear',
  'decisions:addStatement',
  'decisions:removeStatement',
  'silence:start',
  'silence:deadline',
  'silence:object',
  'outcome:issue',
  'outcome:chooseIssuance',
] as const satisfies readonly CommandName[];

type ReadCommand = (typeof reads)[number];

const day = 86_400_000;
const importId = 'read-outputs-import';
const exportId = 'read-outputs-export';

interface Fixture {
  ctx: CoreContext;
  forumId: string;
  documentId: string;
  generatedDocumentId: string;
  paragraphId: string;
  participantId: string;
  sessionId: string;
  bundle: string;
  participantFile: { fileName: string; data: string };
  /** The outcome document as a Spanish translators' file. */
  xliff: string;
  /** The outcome document issued as L.1 before its last revision. */
  issuanceId: string;
  close(): void;
}

/**
 * The demo forum with something in every list a read command returns: an amendment, a stance and
 * a second revision on one point, a key message that repeats another, a laptop known as a peer
 * whose clock runs days ahead (so its changes are held back), an import and an export that
 * reported progress.
 */
async function demoWithEverything(): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-reads-'));
  const ctx = await openCore(path.join(dir, 'plenary.sqlite'));
  const ahead = await openCore(path.join(dir, 'ahead.sqlite'), { wallClock: () => Date.now() + 5 * day });
  try {
    const forum = createDemoForum(ctx);
    const forumId = forum.id;
    const [, paragraph] = (await invoke(ctx, 'outcome:get', { documentId: forumId })).paragraphs;
    if (!paragraph) throw new Error('the demo document has points');
    const text = paragraph.text.en ?? '';
    await invoke(ctx, 'amendments:propose', { paragraphId: paragraph.id, kind: 'replace', lang: 'en', text: `${text} Amended.`, proposer: { participantId: null, name: 'Kenya' }, rationale: 'Clearer.' });
    await invoke(ctx, 'stances:set', { paragraphId: paragraph.id, delegation: { participantId: null, name: 'Brazil' }, stance: 'reservation', note: 'On the second sentence.' });
    const issued = await invoke(ctx, 'outcome:issue', { documentId: forumId, symbol: 'UN-Habitat/IFURL/2026/L.1' });
    await invoke(ctx, 'paragraphs:update', { id: paragraph.id, text: { ...paragraph.text, en: `${text} Revised.` } });

    const [message] = await invoke(ctx, 'keyMessages:list', { forumId });
    if (!message) throw new Error('the demo has key messages');
    const [note] = await invoke(ctx, 'notes:list', { sessionId: message.sessionId });
    if (!note) throw new Error('the demo has notes');
    await invoke(ctx, 'keyMessages:promote', { sessionId: message.sessionId, noteIds: [note.id], text: message.text });
    // A generated Key messages document whose key message was then withdrawn: flags to list.
    await invoke(ctx, 'keyMessages:update', { id: message.id, status: 'validated' });
    const generated = await invoke(ctx, 'documents:generateKeyMessages', { forumId });
    await invoke(ctx, 'keyMessages:update', { id: message.id, status: 'draft' });

    await importBytes(ahead, exportBundle(ctx, { forumId }).bytes);
    await invoke(ahead, 'participants:create', {
      forumId,
      participant: { name: 'Late Arrival', organisation: 'UN-Habitat', orgType: null, country: 'KE', gender: null, roles: [], email: '', languages: [] },
    });
    const bytes = exportBundle(ahead, { forumId, forPeer: ctx.deviceId }).bytes;
    await importBytes(ctx, bytes, { importId });

    await invoke(ctx, 'export:agenda', { forumId, format: 'html', lang: 'en', paper: 'a4', exportId });
    await invoke(ctx, 'announcements:post', { forumId, text: 'Lunch is served on the terrace.', lang: 'en' });
    // A recorded vote with an explanation, and a silence procedure broken by an objection.
    await invoke(ctx, 'decisions:voteFile', { documentId: forumId, csv: 'Kenya,yes\nChina,no\nMexico,abstain\n' });
    await invoke(ctx, 'decisions:addStatement', { documentId: forumId, delegation: 'Mexico', kind: 'explanation_of_vote', text: 'Nos abstuvimos.', textLang: 'es' });
    const silence = await invoke(ctx, 'silence:start', { documentId: forumId });
    await invoke(ctx, 'silence:object', { procedureId: silence.silence[0]?.id ?? '', delegation: 'China', text: '反对', textLang: 'zh' });
    await invoke(ctx, 'projector:show', { forumId, documentId: forumId, paragraphId: paragraph.id });
    const speakersOf = { forumId, subject: { kind: 'session' as const, id: message.sessionId } };
    await invoke(ctx, 'speakers:add', { ...speakersOf, participantId: null, delegation: 'Kenya', kind: 'statement' });
    await invoke(ctx, 'speakers:add', { ...speakersOf, participantId: null, delegation: 'Chile', kind: 'point_of_order' });
    await invoke(ctx, 'speakers:next', speakersOf);

    // The laptop ahead paired for live sync too, and announcing itself on the network with another.
    const aheadIdentity = await invoke(ahead, 'device:get', {});
    const aheadKey = ahead.db.prepare("SELECT value FROM meta WHERE key = 'device_public_key'").pluck().get() as string;
    savePeer(ctx.db, { deviceId: ahead.deviceId, name: aheadIdentity.name, publicKey: aheadKey, certFingerprint: 'a'.repeat(64), url: 'https://127.0.0.9:4000', pairedAt: new Date().toISOString() });
    const nearby = [{ name: aheadIdentity.name, deviceId: ahead.deviceId, url: 'https://127.0.0.9:4000', paired: false }, { name: 'Another', deviceId: 'another-laptop', url: 'https://127.0.0.8:4000', paired: false }];
    venueController(ctx, { discovery: { advertise: () => undefined, nearby: () => nearby, stop: () => undefined } });

    const { rows } = await invoke(ctx, 'participants:query', { forumId, limit: 1 });
    const csv = fs.readFileSync(path.join(__dirname, '../../fixtures/participants/english.csv'));
    return {
      ctx,
      forumId,
      documentId: forumId,
      generatedDocumentId: generated.documentId,
      paragraphId: paragraph.id,
      participantId: rows[0]?.id ?? '',
      sessionId: message.sessionId,
      bundle: Buffer.from(bytes).toString('base64'),
      participantFile: { fileName: 'english.csv', data: csv.toString('base64') },
      xliff: (await invoke(ctx, 'xliff:export', { forumId, lang: 'es' })).xml,
      issuanceId: issued.id,
      close() {
        closeCore(ctx);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } finally {
    closeCore(ahead);
  }
}

/** Real inputs for every read command: the map must name each one, or this file does not compile. */
const inputs: { [K in ReadCommand]: (fx: Fixture) => CommandInput<K> } = {
  'app:info': () => ({}),
  'venue:status': () => ({}),
  'peers:list': () => ({}),
  'peers:nearby': () => ({}),
  'settings:get': () => ({}),
  'forums:list': () => ({}),
  'forums:get': (fx) => ({ id: fx.forumId }),
  'forums:overview': (fx) => ({ id: fx.forumId }),
  'device:get': () => ({}),
  'devices:peers': (fx) => ({ forumId: fx.forumId }),
  'bundle:export': (fx) => ({ forumId: fx.forumId }),
  'bundle:preview': (fx) => ({ data: fx.bundle }),
  'bundle:progress': () => ({ importId }),
  'bundles:preview': (fx) => ({ files: [{ name: 'one.plenary', data: fx.bundle }] }),
  'held:list': (fx) => ({ forumId: fx.forumId }),
  'roles:list': (fx) => ({ forumId: fx.forumId }),
  'agenda:get': (fx) => ({ forumId: fx.forumId }),
  'participants:query': (fx) => ({ forumId: fx.forumId, text: 'a', sort: 'country', limit: 20 }),
  'participants:get': (fx) => ({ id: fx.participantId }),
  'participants:export': (fx) => ({ forumId: fx.forumId, format: 'xlsx' }),
  'participants:importPreview': (fx) => ({ forumId: fx.forumId, file: fx.participantFile }),
  'stats:get': (fx) => ({ forumId: fx.forumId }),
  'notes:list': (fx) => ({ sessionId: fx.sessionId }),
  'catalogues:get': () => ({}),
  'capture:progress': (fx) => ({ forumId: fx.forumId }),
  'keyMessages:list': (fx) => ({ forumId: fx.forumId }),
  'keyMessages:duplicates': (fx) => ({ forumId: fx.forumId }),
  'search:query': (fx) => ({ forumId: fx.forumId, text: 'rural' }),
  'outcome:list': (fx) => ({ forumId: fx.forumId }),
  'outcome:get': (fx) => ({ documentId: fx.documentId }),
  'outcome:coverage': (fx) => ({ documentId: fx.documentId }),
  'paragraphs:sources': (fx) => ({ id: fx.paragraphId }),
  'paragraphs:history': (fx) => ({ id: fx.paragraphId, lang: 'en' }),
  'amendments:list': (fx) => ({ paragraphId: fx.paragraphId }),
  'stances:list': (fx) => ({ paragraphId: fx.paragraphId }),
  'speakers:list': (fx) => ({ forumId: fx.forumId, subject: { kind: 'session', id: fx.sessionId } }),
  'speakers:current': (fx) => ({ forumId: fx.forumId }),
  'export:outcomeCheck': (fx) => ({ documentId: fx.documentId, languages: ['en', 'es'] }),
  'export:outcome': (fx) => ({
    documentId: fx.documentId,
    format: 'html',
    languages: ['en', 'zh'],
    variant: 'amendments',
    annexes: { participation: true, provenance: true },
    fallback: true,
    paper: 'a4',
  }),
  'export:agenda': (fx) => ({ forumId: fx.forumId, format: 'docx', lang: 'zh', paper: 'letter' }),
  'export:participants': (fx) => ({ forumId: fx.forumId, format: 'csv', lang: 'en' }),
  'export:participation': (fx) => ({ forumId: fx.forumId, lang: 'es' }),
  'export:compilation': (fx) => ({ documentId: fx.documentId, format: 'html', lang: 'zh', amendments: 'all' }),
  'export:progress': () => ({ exportId }),
  'documents:generatedFlags': (fx) => ({ documentId: fx.generatedDocumentId }),
  'announcements:list': (fx) => ({ forumId: fx.forumId }),
  'projector:current': (fx) => ({ forumId: fx.forumId }),
  'xliff:export': (fx) => ({ forumId: fx.forumId, lang: 'zh', scope: { kind: 'agenda' }, version: '1.2' }),
  'xliff:preview': (fx) => ({ forumId: fx.forumId, fileName: 'es.xlf', xml: fx.xliff }),
  'outcome:issuances': (fx) => ({ documentId: fx.documentId }),
  'export:issuance': (fx) => ({ issuanceId: fx.issuanceId, format: 'md', languages: ['en', 'zh'], paper: 'a4' }),
  'decisions:get': (fx) => ({ documentId: fx.documentId, lang: 'es' }),
  'decisions:checkVoteFile': (fx) => ({ documentId: fx.documentId, csv: 'delegation,vote\nKenya,yes\nAtlantis,no\n' }),
};

describe('the contract', () => {
  it('names each command as a read or a write, once', () => {
    const both = reads.filter((name) => (writes as readonly string[]).includes(name));
    expect(both).toEqual([]);
    expect([...reads, ...writes].sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(inputs).sort()).toEqual([...reads].sort());
  });
});

/** Runs `name` as the HTTP server would, and checks what it answers against the contract. */
async function expectContractAnswer<K extends ReadCommand>(ctx: CoreContext, name: K, input: CommandInput<K>): Promise<unknown> {
  const result = await dispatch(ctx, 'http', name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  const value = result.value;
  const parsed = contract[name].output.safeParse(value);
  if (!parsed.success) throw new Error(`${name} does not match its output schema: ${JSON.stringify(parsed.error.issues.slice(0, 5), null, 2)}`);
  // Nothing crosses that the contract does not name (a schema that is not strict drops it silently).
  expect(parsed.data, 'the output as its schema reads it').toEqual(value);
  // What IPC and HTTP carry: no undefined, Date, Map, NaN or Infinity that JSON would change.
  const wire: unknown = JSON.parse(JSON.stringify(value));
  expect(wire, 'after a JSON round trip').toStrictEqual(value);
  expect(contract[name].output.safeParse(wire).success).toBe(true);
  return value;
}

describe('every read command', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await demoWithEverything();
  }, 120_000);
  afterAll(() => fx.close());

  it.each(reads)('%s answers what its output schema says, unchanged by a JSON round trip', async (name) => {
    const value = await expectContractAnswer(fx.ctx, name, inputs[name](fx));
    // Something to check: a list with rows in it, a progress that was reported.
    expect(value, 'an answer').not.toBeNull();
    if (Array.isArray(value)) expect(value.length, 'rows').toBeGreaterThan(0);
  });
});

describe('the read commands about a whole forum', () => {
  const forumReads = [
    'forums:get',
    'forums:overview',
    'devices:peers',
    'bundle:export',
    'bundle:progress',
    'held:list',
    'roles:list',
    'agenda:get',
    'participants:query',
    'participants:export',
    'stats:get',
    'capture:progress',
    'keyMessages:list',
    'keyMessages:duplicates',
    'search:query',
    'outcome:list',
    'export:agenda',
    'export:participants',
    'export:participation',
    'export:progress',
    'announcements:list',
    'projector:current',
  ] as const satisfies readonly ReadCommand[];

  it('answer what their schemas say for a forum with nothing in it yet (no shares of zero people)', async () => {
    const ctx = await tempCore();
    const forum = await invoke(ctx, 'forums:create', { ...validForum, languages: ['en', 'zh', 'es'] });
    const empty: Fixture = { ctx, forumId: forum.id, documentId: '', generatedDocumentId: '', paragraphId: '', participantId: '', sessionId: '', bundle: '', participantFile: { fileName: '', data: '' }, xliff: '', issuanceId: '', close() {} };
    for (const name of forumReads) await expectContractAnswer(ctx, name, inputs[name](empty));
  });
});
