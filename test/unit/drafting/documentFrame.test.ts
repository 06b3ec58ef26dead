import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/exports';
import type { Forum } from '../../../shared/forum';
import type { OutcomeDocument, OutcomeDocumentInput } from '../../../shared/outcome';
import type { CoreContext } from '../../../main/core/coreContext';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { snapshot, tempCore } from '../helpers/tempCore';
import { forumTables } from '../sync/forumTables';
import { forumWithMessages, generate } from '../documents/keyMessagesFixture';
import { addParagraph, call, createDocument, documentInput, refusal, send, trilingualForum } from './draftingFixture';

// The title block and closing as the seeds print them: the participation sentence and the closing
// line as per-document switches, contact blocks after the closing, co-organisers per language.

const contact = {
  organisation: { en: 'Forum Secretariat', zh: '论坛秘书处' },
  address: { en: '8 Changsong Road\nSongyang, China', zh: '中国松阳\n长松路8号' },
  email: 'secretariat@example.org',
  phone: '+86 578 800 1200',
  website: '',
};

const model = (ctx: CoreContext, documentId: string, lang: string) =>
  buildOutcomeModel(ctx.db, { documentId, languages: [lang], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true }).columns[0];

async function withPoint(kind: OutcomeDocumentInput['kind'], extra: Partial<OutcomeDocumentInput> = {}) {
  const { ctx, forum } = await trilingualForum();
  const doc = await createDocument(ctx, forum.id, { kind, ...extra });
  await addParagraph(ctx, doc.id, { en: 'A point.', zh: '一点。', es: 'Un punto.' });
  return { ctx, forum, doc };
}

describe('the title block and closing of a document', () => {
  it('prints the participation sentence by default in a Consensus only, and each document can switch it', async () => {
    const consensus = await withPoint('consensus');
    expect(consensus.doc.participation).toBe(true);
    expect(model(consensus.ctx, consensus.doc.id, 'zh')?.participation).toMatch(/^0名与会者/);
    const communique = await withPoint('communique');
    expect(communique.doc.participation).toBe(false);
    expect(model(communique.ctx, communique.doc.id, 'en')?.participation).toBe('');
    const on = await call<OutcomeDocument>(communique.ctx, 'outcome:update', { documentId: communique.doc.id, document: { ...documentInput, kind: 'communique', participation: true } });
    expect(on.participation).toBe(true);
    expect(model(communique.ctx, communique.doc.id, 'es')?.participation).toBe('0 participantes, 0 organizaciones internacionales, 0 países');
    const off = await call<OutcomeDocument>(consensus.ctx, 'outcome:update', { documentId: consensus.doc.id, document: { ...documentInput, kind: 'consensus', participation: false } });
    expect(off.participation).toBe(false);
    expect(model(consensus.ctx, consensus.doc.id, 'en')?.participation).toBe('');
  });

  it('leaves the closing line out where the document switches it off, and the kind decides by default', async () => {
    const { ctx, doc } = await withPoint('communique', { closing: { en: 'Mérida, 4 March 2026' } });
    expect(doc.closingLine).toBe(true);
    expect(model(ctx, doc.id, 'en')?.closing?.text).toBe('Mérida, 4 March 2026');
    await call(ctx, 'outcome:update', { documentId: doc.id, document: { ...documentInput, closing: { en: 'Mérida, 4 March 2026' }, closingLine: false } });
    expect(model(ctx, doc.id, 'en')?.closing).toBeNull();
    const note = await withPoint('concept_note');
    expect(note.doc.closingLine).toBe(false);
    expect(model(note.ctx, note.doc.id, 'en')?.closing).toBeNull();
  });

  it('prints contact blocks after the closing, in the column’s language, in every format', async () => {
    const { ctx, doc } = await withPoint('consensus', { contacts: [contact] });
    expect(model(ctx, doc.id, 'zh')?.contacts).toEqual([['论坛秘书处', '中国松阳', '长松路8号', '电话：+86 578 800 1200', 'secretariat@example.org']]);
    // Spanish has no text of its own: the source's, as for a signatory's title.
    expect(model(ctx, doc.id, 'es')?.contacts[0]?.[0]).toBe('Forum Secretariat');
    for (const format of ['md', 'html'] as const) {
      const file = await call<ExportedFile>(ctx, 'export:outcome', { documentId: doc.id, format, languages: ['en'], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true, paper: 'a4' });
      const text = Buffer.from(file.data, 'base64').toString('utf8');
      expect(text.indexOf('A point.'), format).toBeGreaterThan(0);
      expect(text.indexOf('Forum Secretariat'), format).toBeGreaterThan(text.indexOf('A point.'));
      expect(text, format).toContain('Songyang, China');
    }
  });

  it('prints the co-organisers in the language’s own names, and the names as entered where a language has none', async () => {
    const { ctx, doc } = await withPoint('consensus', { coOrganiserNames: { zh: '联合国人居署\n尤卡坦州政府' } });
    expect(model(ctx, doc.id, 'zh')?.coOrganisers).toBe('联合主办方：联合国人居署、尤卡坦州政府');
    expect(model(ctx, doc.id, 'es')?.coOrganisers).toBe('Coorganizado por UN-Habitat, State Government of Yucatán');
    // A document made before names per language (none stored): the plain names, in every language.
    const old = await withPoint('consensus');
    expect(model(old.ctx, old.doc.id, 'zh')?.coOrganisers).toBe('联合主办方：UN-Habitat、State Government of Yucatán');
  });

  it('refuses a bad e-mail, a too-long field or control characters with a clear message, storing nothing', async () => {
    const { ctx, forum, doc } = await withPoint('consensus');
    const bad: Array<[Partial<OutcomeDocumentInput>, string, string]> = [
      [{ contacts: [{ ...contact, email: 'secretariat at example' }] }, 'document.contacts.0.email', 'validation.email'],
      [{ contacts: [{ ...contact, organisation: { en: 'x'.repeat(301) } }] }, 'document.contacts.0.organisation.en', 'validation.tooLong'],
      [{ contacts: [{ ...contact, phone: '+86\t578' }] }, 'document.contacts.0.phone', 'validation.controlCharacters'],
      [{ contacts: [{ ...contact, phone: 'call us' }] }, 'document.contacts.0.phone', 'validation.phone'],
      [{ contacts: [{ ...contact, address: { en: 'Road\u200f 8' } }] }, 'document.contacts.0.address.en', 'validation.controlCharacters'],
      [{ contacts: [{ ...contact, organisation: { ar: 'أمانة' } }] }, 'contacts.0.organisation.ar', 'validation.notWorkingLanguage'],
      [{ coOrganiserNames: { zh: `${'长'.repeat(201)}\n联合国人居署` } }, 'document.coOrganiserNames.zh', 'validation.tooLong'],
      [{ coOrganiserNames: { zh: '联合国\u0007人居署' } }, 'document.coOrganiserNames.zh', 'validation.controlCharacters'],
    ];
    for (const [change, path, message] of bad) {
      const before = snapshot(ctx);
      for (const [name, input] of [
        ['outcome:update', { documentId: doc.id, document: { ...documentInput, kind: 'consensus', ...change } }],
        ['outcome:create', { forumId: forum.id, document: { ...documentInput, ...change } }],
      ] as const) {
        const error = await refusal(ctx, name, input);
        expect(error.code, `${name} ${path}`).toBe('invalid_input');
        expect(error.issues?.map((i) => [i.path, i.message]), `${name} ${path}`).toContainEqual([path, message]);
        expect(snapshot(ctx), `${name} ${path}`).toBe(before);
      }
    }
    const forumBefore = snapshot(ctx);
    const { id: _id, isDemo: _demo, ...values } = await call<Forum>(ctx, 'forums:get', { id: forum.id });
    const error = await refusal(ctx, 'forums:update', { id: forum.id, forum: { ...values, coOrganiserNames: { zh: '人居署\u202e' } } });
    expect(error.issues?.map((i) => [i.path, i.message])).toContainEqual(['forum.coOrganiserNames.zh', 'validation.controlCharacters']);
    expect(snapshot(ctx)).toBe(forumBefore);
  });
});

describe('the Key messages document', () => {
  it('takes the forum’s co-organisers in each language when it is generated', async () => {
    const { ctx, forum } = await forumWithMessages();
    const { id: _id, isDemo: _demo, ...values } = await call<Forum>(ctx, 'forums:get', { id: forum.id });
    await call(ctx, 'forums:update', { id: forum.id, forum: { ...values, coOrganiserNames: { zh: '联合国人居署\n尤卡坦州政府' } } });
    const { documentId } = await generate(ctx, forum.id);
    expect((await call<OutcomeDocument>(ctx, 'outcome:get', { documentId })).coOrganiserNames).toEqual({ zh: '联合国人居署\n尤卡坦州政府' });
  });
});

describe('co-organisers edited on two laptops', () => {
  it('converge: each language’s list and the plain names end the same on both', async () => {
    const { ctx: a, forum } = await trilingualForum();
    const doc = await createDocument(a, forum.id, { kind: 'consensus' });
    const b = await tempCore();
    await send(a, b, forum.id);
    const { id: _id, isDemo: _demo, ...values } = await call<Forum>(a, 'forums:get', { id: forum.id });
    // Concurrently: A names them in Chinese and edits the plain list, B names them in Spanish and in Chinese too.
    await call(a, 'forums:update', { id: forum.id, forum: { ...values, coOrganisers: ['UN-Habitat'], coOrganiserNames: { zh: '联合国人居署' } } });
    await call(b, 'forums:update', { id: forum.id, forum: { ...values, coOrganiserNames: { zh: '人居署', es: 'ONU-Hábitat\nGobierno de Yucatán' } } });
    await call(a, 'outcome:update', { documentId: doc.id, document: { ...documentInput, kind: 'consensus', coOrganiserNames: { zh: '联合国人居署\n尤卡坦州政府' } } });
    await call(b, 'outcome:update', { documentId: doc.id, document: { ...documentInput, kind: 'consensus', coOrganiserNames: { es: 'ONU-Hábitat' } } });
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    expect(forumTables(b)).toEqual(forumTables(a));
    const onA = await call<Forum>(a, 'forums:get', { id: forum.id });
    // B wrote Chinese later than A: its Chinese wins on both; A's plain list and B's Spanish both stay.
    expect(onA).toMatchObject({ coOrganisers: ['UN-Habitat'], coOrganiserNames: { zh: '人居署', es: 'ONU-Hábitat\nGobierno de Yucatán' } });
    const docOnB = await call<OutcomeDocument>(b, 'outcome:get', { documentId: doc.id });
    expect(docOnB.coOrganiserNames).toEqual({ zh: '联合国人居署\n尤卡坦州政府', es: 'ONU-Hábitat' });
  });
});
