import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Amendment } from '../../../shared/amendments';
import type { KeyMessage } from '../../../shared/keyMessages';
import type { DraftParagraph, OutcomeDocument, ParagraphRevision } from '../../../shared/outcome';
import type { CoreContext } from '../../../main/core/coreContext';
import { amendmentCopyPrefix, amendmentTarget, type AmendmentFields } from '../../../renderer/src/components/amendments/amendmentTarget';
import { paragraphCopyPrefix, paragraphTextId, paragraphTextTarget, type ParagraphTextFields } from '../../../renderer/src/components/drafting/paragraphTextTarget';
import { keyMessageCopyPrefix, keyMessageTextId, keyMessageTextTarget } from '../../../renderer/src/components/keyMessages/keyMessageTextTarget';
import { ProseSaver } from '../../../renderer/src/components/proseSaver';
import { snapshot } from '../helpers/tempCore';
import { call, drafting, listAmendments, point1 } from '../drafting/amendmentFixture';
import { addKeyMessage, addSession } from '../drafting/draftingFixture';
import { coreTransport } from './coreTransport';
import { MemoryStorage } from './memoryStorage';

/** A saver of one forum's paragraph texts, as the drafting screen makes it. */
function paragraphSaver(transport: ReturnType<typeof coreTransport>, forumId: string, storage?: Storage, lane?: <T>(task: () => Promise<T>) => Promise<T>) {
  return new ProseSaver(paragraphTextTarget((input) => transport.call('paragraphs:update', input)), storage, {
    copyPrefix: paragraphCopyPrefix(forumId),
    ...(lane ? { lane } : {}),
  });
}

const document = (ctx: CoreContext, documentId: string) => call<OutcomeDocument>(ctx, 'outcome:get', { documentId });
const textOf = async (ctx: CoreContext, documentId: string, paragraphId: string, lang: string) =>
  (await document(ctx, documentId)).paragraphs.find((p) => p.id === paragraphId)?.text[lang];
const history = (ctx: CoreContext, id: string, lang: string) => call<ParagraphRevision[]>(ctx, 'paragraphs:history', { id, lang });

/** Lets answers already given be heard (the core answers at once; only timers are fake). */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('ProseSaver, saving paragraph texts through the real core', () => {
  let setup: Awaited<ReturnType<typeof drafting>>;
  beforeEach(async () => {
    setup = await drafting();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const open = (saver: ProseSaver<ParagraphTextFields, DraftParagraph>, lang: string, text = '') => {
    const paragraphId = setup.paragraphs[0];
    const id = paragraphTextId(paragraphId, lang);
    saver.open(id, { paragraphId, documentId: setup.documentId, lang, text }, { created: true });
    return id;
  };

  it('gathers keystrokes into one request after a pause, and says Saving… then Saved for that field only', async () => {
    const transport = coreTransport(setup.ctx);
    const saver = paragraphSaver(transport, setup.forum.id);
    const french = open(saver, 'fr');
    const chinese = open(saver, 'zh');
    expect(saver.draftStatus(french)).toEqual({ state: 'saved', edited: false });
    const sentence = 'Nous reconnaissons que les zones urbaines et rurales dépendent les unes des autres.';
    for (let i = 1; i <= sentence.length; i++) saver.edit(french, { text: sentence.slice(0, i) });
    expect(saver.draftStatus(french).state).toBe('saving');
    expect(saver.draftStatus(chinese)).toEqual({ state: 'saved', edited: false });
    await vi.advanceTimersByTimeAsync(299);
    expect(transport.state.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(transport.sent('paragraphs:update')).toEqual([{ id: setup.paragraphs[0], text: { fr: sentence } }]);
    expect(saver.draftStatus(french)).toEqual({ state: 'saved', edited: true });
    expect(await textOf(setup.ctx, setup.documentId, setup.paragraphs[0], 'fr')).toBe(sentence);
  });

  it('sends one request at a time, each with the latest text, so the core gets the texts in the order typed', async () => {
    const transport = coreTransport(setup.ctx);
    transport.state.hold = true;
    const saver = paragraphSaver(transport, setup.forum.id);
    const english = open(saver, 'en', point1);
    saver.edit(english, { text: 'We recognise' });
    await vi.advanceTimersByTimeAsync(300);
    expect(transport.held()).toBe(1);
    // The first answer is slow: more typing, more pauses, and still only the one request out.
    saver.edit(english, { text: 'We recognise that urban' });
    await vi.advanceTimersByTimeAsync(300);
    saver.edit(english, { text: 'We recognise that urban and rural areas need each other.' });
    // Another language of the paragraph waits its turn too.
    const chinese = open(saver, 'zh');
    saver.edit(chinese, { text: '我们认识到城乡相互依存。' });
    await vi.advanceTimersByTimeAsync(300);
    expect(transport.state.calls).toHaveLength(1);
    transport.release();
    await settle();
    // The text typed in between never goes: the next request carries the latest.
    expect(transport.state.calls).toHaveLength(2);
    transport.release();
    await settle();
    expect(transport.state.calls).toHaveLength(3);
    transport.release();
    await settle();
    expect(transport.sent('paragraphs:update').map((input) => input.text)).toEqual([
      { en: 'We recognise' },
      { en: 'We recognise that urban and rural areas need each other.' },
      { zh: '我们认识到城乡相互依存。' },
    ]);
    // Each edit replaced the one before it: one line of revisions, no concurrent versions.
    const revisions = await history(setup.ctx, setup.paragraphs[0], 'en');
    expect(revisions.map((r) => r.text)).toEqual(['We recognise that urban and rural areas need each other.', 'We recognise', point1]);
    expect(revisions.map((r) => r.live)).toEqual([true, false, false]);
    expect((await document(setup.ctx, setup.documentId)).paragraphs[0]?.alternatives).toEqual({});
  });

  it('keeps the text while the server is down, retries less and less often, and saves it once the server is back', async () => {
    const transport = coreTransport(setup.ctx);
    const storage = new MemoryStorage();
    const saver = paragraphSaver(transport, setup.forum.id, storage);
    const french = open(saver, 'fr');
    transport.state.mode = 'down';
    saver.edit(french, { text: 'Nous reconnaissons' });
    await vi.advanceTimersByTimeAsync(300);
    expect(saver.draftStatus(french)).toMatchObject({ state: 'retrying', edited: true, error: { code: 'internal' } });
    expect(saver.getStatus().state).toBe('retrying');
    // Tries at 0.5 s, then 1, 2, 4 and 5 s apart, and every 5 s after that.
    const triesAfter = async (ms: number) => {
      const before = transport.state.calls.length;
      await vi.advanceTimersByTimeAsync(ms);
      return transport.state.calls.length - before;
    };
    expect(await triesAfter(499)).toBe(0);
    expect(await triesAfter(1)).toBe(1);
    expect(await triesAfter(999)).toBe(0);
    expect(await triesAfter(1)).toBe(1);
    expect(await triesAfter(2000)).toBe(1);
    expect(await triesAfter(4000)).toBe(1);
    expect(await triesAfter(5000)).toBe(1);
    expect(await triesAfter(5000)).toBe(1);
    // Typing on meanwhile: the copy follows, and nothing lands in the core.
    saver.edit(french, { text: 'Nous reconnaissons que les zones urbaines et rurales' });
    await vi.advanceTimersByTimeAsync(300);
    expect(storage.keys()).toEqual([`${paragraphCopyPrefix(setup.forum.id)}${setup.paragraphs[0]}.text@fr`]);
    expect(await textOf(setup.ctx, setup.documentId, setup.paragraphs[0], 'fr')).toBeUndefined();

    transport.state.mode = 'up';
    await vi.advanceTimersByTimeAsync(5000);
    expect(saver.draftStatus(french)).toEqual({ state: 'saved', edited: true });
    expect(await textOf(setup.ctx, setup.documentId, setup.paragraphs[0], 'fr')).toBe('Nous reconnaissons que les zones urbaines et rurales');
    expect(storage.length).toBe(0);
  });

  it('restores the copy after a reload when the core never acknowledged it, and sends it', async () => {
    const transport = coreTransport(setup.ctx);
    const storage = new MemoryStorage();
    const crashed = paragraphSaver(transport, setup.forum.id, storage);
    const english = open(crashed, 'en', point1);
    crashed.edit(english, { text: 'Saved before the crash.' });
    await vi.advanceTimersByTimeAsync(300);
    transport.state.mode = 'down';
    crashed.edit(english, { text: 'Saved before the crash, and typed after it.' });
    // The page dies before the pause is over: pagehide writes the copy.
    crashed.backup();
    crashed.dispose();

    transport.state.mode = 'up';
    const later = paragraphSaver(transport, setup.forum.id, storage);
    const copies = later.storedCopies((copy) => copy.fields.documentId === setup.documentId);
    expect(copies.map((c) => [c.id, c.fields.text])).toEqual([[english, 'Saved before the crash, and typed after it.']]);
    // Another forum's saver does not see it.
    expect(paragraphSaver(transport, 'another-forum', storage).storedCopies()).toEqual([]);
    // The field is already on screen, with the core's text: the copy takes its place and is sent.
    later.open(english, { paragraphId: setup.paragraphs[0], documentId: setup.documentId, lang: 'en', text: 'Saved before the crash.' }, { created: true });
    for (const copy of copies) later.adopt(copy);
    expect(later.fields(english)?.text).toBe('Saved before the crash, and typed after it.');
    await later.flush();
    expect(await textOf(setup.ctx, setup.documentId, setup.paragraphs[0], 'en')).toBe('Saved before the crash, and typed after it.');
    expect(later.draftStatus(english)).toEqual({ state: 'saved', edited: true });
    expect(storage.length).toBe(0);
  });

  it('a copy never overrides what this page has typed since', async () => {
    const transport = coreTransport(setup.ctx);
    const storage = new MemoryStorage();
    const saver = paragraphSaver(transport, setup.forum.id, storage);
    const english = open(saver, 'en', point1);
    saver.edit(english, { text: 'Typed here now.' });
    saver.adopt({ id: english, fields: { paragraphId: setup.paragraphs[0], documentId: setup.documentId, lang: 'en', text: 'An older copy.' }, created: true, startedAt: '2026-03-02T09:00:00.000Z' });
    await saver.flush();
    expect(await textOf(setup.ctx, setup.documentId, setup.paragraphs[0], 'en')).toBe('Typed here now.');
  });

  it('a refused text (the source emptied) says why, changes nothing, and the next edit saves again', async () => {
    const transport = coreTransport(setup.ctx);
    const saver = paragraphSaver(transport, setup.forum.id);
    const english = open(saver, 'en', point1);
    const before = snapshot(setup.ctx);
    saver.edit(english, { text: '' });
    await saver.flush();
    expect(saver.draftStatus(english)).toMatchObject({ state: 'rejected', error: { code: 'invalid_input', issues: [{ path: 'text.en', message: 'validation.emptyParagraph' }] } });
    expect(snapshot(setup.ctx)).toBe(before);
    // Refused, it is not sent again by itself.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(transport.state.calls).toHaveLength(1);
    saver.edit(english, { text: 'We recognise that urban and rural areas are one territory.' });
    await saver.flush();
    expect(saver.draftStatus(english).state).toBe('saved');
    expect(await textOf(setup.ctx, setup.documentId, setup.paragraphs[0], 'en')).toBe('We recognise that urban and rural areas are one territory.');
  });

  it('follows the core’s text while nothing typed here waits, and not while something does', async () => {
    const transport = coreTransport(setup.ctx);
    const saver = paragraphSaver(transport, setup.forum.id);
    const english = open(saver, 'en', point1);
    expect(saver.follow(english, { text: 'Accepted amendment text.' })).toBe(true);
    expect(saver.fields(english)?.text).toBe('Accepted amendment text.');
    saver.edit(english, { text: 'Typed over it.' });
    expect(saver.follow(english, { text: 'Another laptop’s text.' })).toBe(false);
    expect(saver.fields(english)?.text).toBe('Typed over it.');
    await saver.flush();
    expect(await textOf(setup.ctx, setup.documentId, setup.paragraphs[0], 'en')).toBe('Typed over it.');
  });

  it('takes its turn in the screen’s line, so a status change asked after a save lands after it', async () => {
    const transport = coreTransport(setup.ctx);
    transport.state.hold = true;
    let queue: Promise<unknown> = Promise.resolve();
    const order: string[] = [];
    const lane = <T,>(task: () => Promise<T>): Promise<T> => {
      const next = queue.then(task, task);
      queue = next.catch(() => undefined);
      return next;
    };
    const saver = paragraphSaver(transport, setup.forum.id, undefined, lane);
    const english = open(saver, 'en', point1);
    saver.edit(english, { text: 'We recognise the links.' });
    const saved = saver.flush().then(() => order.push('text'));
    const status = lane(() => transport.call('paragraphs:update', { id: setup.paragraphs[0], status: 'agreed' })).then(() => order.push('status'));
    await settle();
    expect(transport.held()).toBe(1);
    transport.release();
    await settle();
    transport.release();
    await Promise.all([saved, status]);
    expect(order).toEqual(['text', 'status']);
    expect(transport.state.calls.map((c) => (c.input as { status?: string }).status ?? 'text')).toEqual(['text', 'agreed']);
  });

  it('a full local storage costs only the copy, never the save', async () => {
    const transport = coreTransport(setup.ctx);
    const storage = new MemoryStorage();
    storage.full = true;
    const saver = paragraphSaver(transport, setup.forum.id, storage);
    const english = open(saver, 'en', point1);
    saver.edit(english, { text: 'Still saved.' });
    await saver.flush();
    expect(await textOf(setup.ctx, setup.documentId, setup.paragraphs[0], 'en')).toBe('Still saved.');
  });
});

describe('ProseSaver for key messages and amendments', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves a key message’s translation alone, through the core, after the server comes back', async () => {
    const { ctx, forum } = await drafting();
    const session = addSession(ctx, forum.id, 'Opening', '2026-03-02', '09:00');
    const messageId = addKeyMessage(ctx, forum.id, session, { en: 'Villages need broadband.' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const transport = coreTransport(ctx);
    const storage = new MemoryStorage();
    const saver = new ProseSaver(keyMessageTextTarget((input) => transport.call('keyMessages:update', input)), storage, { copyPrefix: keyMessageCopyPrefix(forum.id) });
    const id = keyMessageTextId(messageId, 'fr');
    saver.open(id, { messageId, lang: 'fr', text: '' }, { created: true });
    transport.state.mode = 'down';
    saver.edit(id, { text: 'Les villages ont besoin du haut débit.' });
    await vi.advanceTimersByTimeAsync(300);
    expect(saver.draftStatus(id).state).toBe('retrying');
    expect(storage.keys()).toEqual([`plenary.unsaved.${forum.id}.key_messages.${messageId}.text@fr`]);
    transport.state.mode = 'up';
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.draftStatus(id).state).toBe('saved');
    expect(transport.sent('keyMessages:update').at(-1)).toEqual({ id: messageId, text: { fr: 'Les villages ont besoin du haut débit.' } });
    const [message] = await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id });
    expect(message?.text).toEqual({ en: 'Villages need broadband.', fr: 'Les villages ont besoin du haut débit.' });
    expect(storage.length).toBe(0);
  });

  it('keeps an amendment being written only here, proposes it once, and a retry after a lost answer makes no second one', async () => {
    const { ctx, forum, paragraphs } = await drafting();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const transport = coreTransport(ctx);
    const storage = new MemoryStorage();
    const saver = new ProseSaver<AmendmentFields, Amendment>(
      amendmentTarget({ propose: (input) => transport.call('amendments:propose', input), update: (input) => transport.call('amendments:update', input) }),
      storage,
      { copyPrefix: amendmentCopyPrefix(forum.id) },
    );
    const id = 'amendment-chosen-here';
    const fields: AmendmentFields = { paragraphId: paragraphs[0], kind: 'replace', lang: 'en', text: point1, proposer: { participantId: null, name: 'Kenya' }, rationale: '', submitted: false };
    saver.open(id, fields, { created: false });
    saver.edit(id, { text: 'We recognise that urban and rural areas are interdependent.', rationale: 'Closer to the 2019 wording.' });
    await vi.advanceTimersByTimeAsync(10_000);
    // Not proposed yet: nothing sent, but a copy kept.
    expect(transport.state.calls).toEqual([]);
    expect(storage.keys()).toEqual([`${amendmentCopyPrefix(forum.id)}${id}`]);

    // Proposed; the core makes it, but the answer is lost on the way back.
    transport.state.mode = 'lostAnswer';
    saver.set(id, { submitted: true });
    await settle();
    expect(saver.draftStatus(id).state).toBe('retrying');
    transport.state.mode = 'up';
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.draftStatus(id).state).toBe('saved');
    expect(transport.sent('amendments:propose').map((input) => input.id)).toEqual([id, id]);
    const amendments = await listAmendments(ctx, paragraphs[0]);
    expect(amendments.map((a) => [a.id, a.text, a.rationale, a.proposer.name])).toEqual([[id, 'We recognise that urban and rural areas are interdependent.', 'Closer to the 2019 wording.', 'Kenya']]);
    expect(storage.length).toBe(0);

    // Open, its rationale is corrected as it is typed.
    saver.edit(id, { rationale: 'Closer to the wording of 2019.' });
    await vi.advanceTimersByTimeAsync(300);
    expect(transport.sent('amendments:update')).toEqual([{ id, rationale: 'Closer to the wording of 2019.' }]);
    expect((await listAmendments(ctx, paragraphs[0]))[0]?.rationale).toBe('Closer to the wording of 2019.');
  });
});
