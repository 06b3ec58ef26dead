import { describe, expect, it } from 'vitest';
import type { DraftParagraph } from '../../../shared/outcome';
import { proseVersions } from '../../../main/core/store/proseVersions';
import { isPlainText, parseRichText, richTextProblems } from '../../../shared/richText';
import { snapshot } from '../helpers/tempCore';
import { forumTables } from '../sync/forumTables';
import { call, documentWithPoints, refusal, send, twoLaptops } from './draftingFixture';

describe('the rich text subset', () => {
  it('reads emphasis, lists, sub-headings, links and notes into the tree', () => {
    const rich = parseRichText('# Goals\n\nWe *will* act **now**[^n], see [UN-Habitat](https://unhabitat.org).\n\n- one\n- two\n\n3. three\n4. four\n\n## Later\n\n[^n]: The *note*.');
    expect(rich.problems).toEqual([]);
    expect(rich.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'heading']);
    expect(rich.blocks[1]).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: 'We ' },
        { kind: 'em', children: [{ kind: 'text', text: 'will' }] },
        { kind: 'text', text: ' act ' },
        { kind: 'strong', children: [{ kind: 'text', text: 'now' }] },
        { kind: 'note', label: 'n' },
        { kind: 'text', text: ', see ' },
        { kind: 'link', href: 'https://unhabitat.org', children: [{ kind: 'text', text: 'UN-Habitat' }] },
        { kind: 'text', text: '.' },
      ],
    });
    expect(rich.blocks[3]).toMatchObject({ kind: 'list', ordered: true, start: 3 });
    expect(rich.notes).toEqual([{ label: 'n', content: [{ kind: 'text', text: 'The ' }, { kind: 'em', children: [{ kind: 'text', text: 'note' }] }, { kind: 'text', text: '.' }] }]);
  });

  it('prints what is outside the subset as the literal text: HTML, images, tables, code, quotes, deeper headings', () => {
    const source = '<script>alert(1)</script> "><img src=x onerror=alert(1)> `code` ![map](map.png)\n\n> quote\n\n| a | b |\n\n### Deep';
    const rich = parseRichText(source);
    const texts = JSON.stringify(rich.blocks);
    expect(texts).toContain('<script>alert(1)</script>');
    expect(texts).toContain('"><img src=x onerror=alert(1)>');
    expect(texts).toContain('`code`');
    expect(texts).toContain('![map](map.png)');
    expect(texts).toContain('> quote');
    expect(texts).toContain('### ');
    expect(rich.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(richTextProblems(source)).toEqual([]);
  });

  it('keeps negotiation brackets, single asterisks and plain line breaks as they were', () => {
    expect(isPlainText('We [support] a 5 * 3 grid of snake_case words.\nA second line.')).toBe(true);
    expect(parseRichText('Line one\nline two').blocks).toEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: 'Line one' }, { kind: 'break' }, { kind: 'text', text: 'line two' }] }]);
  });

  it.each([
    ['a javascript: link', '[click](javascript:alert(1))', 'badLink', 'javascript:alert(1)'],
    ['a relative link', '[map](map.html)', 'badLink', 'map.html'],
    ['a note reference with no note', 'See this[^1].', 'missingNote', '1'],
    ['a note nothing refers to', 'Nothing here.\n\n[^x]: Orphan.', 'unusedNote', 'x'],
    ['bold left open', 'We **commit to act.', 'unclosedMarker', '**'],
  ])('finds %s', (_label, source, code, detail) => {
    expect(richTextProblems(source)).toEqual([{ code, detail }]);
  });

  it('lets mail and web links through', () => {
    expect(richTextProblems('[mail](mailto:a@b.org) [web](http://a.org) [safe](https://a.org)')).toEqual([]);
  });
});

describe('saving a rich paragraph', () => {
  it.each([
    ['a javascript: link', '[click](javascript:alert(1))', 'validation.richBadLink'],
    ['a note reference with no note', 'See this[^1].', 'validation.richMissingNote'],
    ['a note nothing refers to', 'Nothing here.\n\n[^x]: Orphan.', 'validation.richUnusedNote'],
    ['bold left open', 'We **commit to act.', 'validation.richUnclosedMarker'],
  ])('refuses %s on update and create, naming it, changing nothing', async (_label, text, message) => {
    const { ctx, document, ids } = await documentWithPoints(1);
    const before = snapshot(ctx);
    const update = await refusal(ctx, 'paragraphs:update', { id: ids[0], text: { zh: text } });
    expect(update.code).toBe('invalid_input');
    expect(update.issues).toEqual([{ path: 'text.zh', message }]);
    const create = await refusal(ctx, 'paragraphs:create', { documentId: document.id, after: null, kind: 'numbered', text: { en: text } });
    expect(create.issues).toEqual([{ path: 'text.en', message }]);
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses an amendment proposing such a text, which accepting it would write into the paragraph', async () => {
    const { ctx, ids } = await documentWithPoints(1);
    const before = snapshot(ctx);
    const error = await refusal(ctx, 'amendments:propose', {
      paragraphId: ids[0],
      kind: 'replace',
      lang: 'en',
      text: 'Point 1, see [this](javascript:alert(1)).',
      proposer: { participantId: null, name: 'Kenya' },
      rationale: '',
    });
    expect(error.issues).toEqual([{ path: 'text', message: 'validation.richBadLink' }]);
    expect(snapshot(ctx)).toBe(before);
    await call(ctx, 'amendments:propose', { paragraphId: ids[0], kind: 'replace', lang: 'en', text: 'Point 1, **now**.', proposer: { participantId: null, name: 'Kenya' }, rationale: '' });
  });

  it('keeps a rich text as one string, as typed', async () => {
    const { ctx, ids } = await documentWithPoints(1);
    const text = 'We **commit**:\n\n- to *act*\n- to report[^1]\n\n[^1]: By [2030](https://sdgs.un.org).';
    const saved = await call<DraftParagraph>(ctx, 'paragraphs:update', { id: ids[0], text: { en: text } });
    expect(saved.text.en).toBe(text);
  });

  it('keeps both versions when two laptops edit the same rich paragraph at once, as for any prose', async () => {
    const { a, b, forum, ids } = await twoLaptops(1);
    const id = ids[0] ?? '';
    await call(a, 'paragraphs:update', { id, text: { en: 'We **commit** to act[^a].\n\n[^a]: Before 2030.' } });
    await call(b, 'paragraphs:update', { id, text: { en: 'We *commit*:\n\n- to act\n- to report' } });
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    const versions = proseVersions(a, 'outcome_paragraphs', id, 'text@en').map((v) => v.text);
    expect(versions.sort()).toEqual(['We **commit** to act[^a].\n\n[^a]: Before 2030.', 'We *commit*:\n\n- to act\n- to report']);
    expect(proseVersions(b, 'outcome_paragraphs', id, 'text@en').map((v) => v.text).sort()).toEqual(versions);
    expect(forumTables(b)).toEqual(forumTables(a));
  });
});
