import { describe, expect, it } from 'vitest';
import type { DraftParagraph } from '../../../shared/outcome';
import { tempCore } from '../helpers/tempCore';
import { forumTables } from '../sync/forumTables';
import { call, documentOf, flags, forumWithMessages, generate, outline, send, validated } from './keyMessagesFixture';

describe('two laptops generating the Key messages document', () => {
  it('converge on one document without duplicate paragraphs', async () => {
    const { ctx: a, forum, sessions } = await forumWithMessages();
    const b = await tempCore();
    await send(a, b, forum.id);
    // Each laptop validates a message of its own, then both generate, neither having seen the other's.
    validated(a, forum.id, sessions.first, { en: 'From laptop A.' }, 'a3');
    validated(b, forum.id, sessions.later, { en: 'From laptop B.' }, 'a2');
    const onA = await generate(a, forum.id);
    const onB = await generate(b, forum.id);
    expect(onA.documentId).toBe(onB.documentId);
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    expect(forumTables(b)).toEqual(forumTables(a));
    const lines = await outline(a, onA.documentId);
    expect(lines).toEqual([
      '# Opening',
      '- Unified territories.',
      '- Care at the heart.',
      '- From laptop A.',
      '# Intermediary cities',
      '- Intermediary cities link.',
      '# Water and food',
      '- Water for all settlements.',
      '- From laptop B.',
    ]);
    // Same text from both laptops is one version, not an alternative to choose from.
    expect((await documentOf(a, onA.documentId)).paragraphs.every((p) => Object.keys(p.alternatives).length === 0)).toBe(true);
    // Generating again after the exchange finds everything in place.
    expect(await generate(a, forum.id)).toMatchObject({ added: 0, updated: 0, keptEdited: 0 });
  });

  it('carry an edit and its flag to the other laptop', async () => {
    const { ctx: a, forum, messages } = await forumWithMessages();
    const { documentId } = await generate(a, forum.id);
    const b = await tempCore();
    await send(a, b, forum.id);
    const care = (await documentOf(b, documentId)).paragraphs[2] as DraftParagraph;
    await call(b, 'paragraphs:update', { id: care.id, text: { en: 'Edited on B.' } });
    await send(b, a, forum.id);
    await call(a, 'keyMessages:update', { id: messages.care, text: { en: 'Changed on A.' } });
    expect(await generate(a, forum.id)).toMatchObject({ updated: 0, keptEdited: 1 });
    await send(a, b, forum.id);
    expect((await documentOf(b, documentId)).paragraphs[2]?.text.en).toBe('Edited on B.');
    expect((await flags(b, documentId)).map((f) => [f.paragraphId, f.state])).toEqual([[care.id, 'changed']]);
  });
});
