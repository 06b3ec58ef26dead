import { describe, expect, it } from 'vitest';
import { insertLink, insertNote, listLines, nextNoteLabel, wrapSelection } from '../../../renderer/src/components/drafting/richEdit';
import { parseRichText, richTextProblems } from '../../../shared/richText';

/** The text with the returned selection marked by ‹ and ›. */
const shown = (edit: { text: string; start: number; end: number }) => `${edit.text.slice(0, edit.start)}‹${edit.text.slice(edit.start, edit.end)}›${edit.text.slice(edit.end)}`;

describe('the paragraph editor’s formatting commands', () => {
  it('puts bold and italic markers around the selected words, spaces outside, and takes them off again', () => {
    const text = 'We will act now.';
    const bold = wrapSelection(text, 3, 12, '**', 'bold text');
    expect(shown(bold)).toBe('We **‹will act›** now.');
    expect(shown(wrapSelection(bold.text, bold.start, bold.end, '**', 'bold text'))).toBe('We ‹will act› now.');
    expect(shown(wrapSelection(text, 2, 8, '*', 'italic text'))).toBe('We *‹will›* act now.');
    expect(shown(wrapSelection(text, 3, 3, '**', 'bold text'))).toBe('We **‹bold text›**will act now.');
    expect(parseRichText(bold.text).blocks[0]).toMatchObject({ kind: 'paragraph', content: [{ text: 'We ' }, { kind: 'strong' }, { text: ' now.' }] });
  });

  it('makes the selected lines a list set apart by blank lines, renumbering a numbered one', () => {
    const text = 'We agree to:\nbuild roads\n- lay broadband\nThen we meet.';
    const start = text.indexOf('build');
    const end = text.indexOf('broadband') + 3;
    const bullets = listLines(text, start, end, false, 'item');
    expect(bullets.text).toBe('We agree to:\n\n- build roads\n- lay broadband\n\nThen we meet.');
    expect(parseRichText(bullets.text).blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    const numbers = listLines(text, start, end, true, 'item');
    expect(numbers.text).toBe('We agree to:\n\n1. build roads\n2. lay broadband\n\nThen we meet.');
  });

  it('links the selected words, keeping the address one the subset reads whole', () => {
    const edit = insertLink('See the report here.', 8, 14, 'https://example.org/a (b)', 'link text');
    expect(shown(edit)).toBe('See the [‹report›](https://example.org/a%20%28b%29) here.');
    expect(richTextProblems(edit.text)).toEqual([]);
  });

  it('adds a footnote: the next free number after the selected words (after closing emphasis), its note at the end', () => {
    expect(nextNoteLabel('a[^1] b[^3]\n\n[^1]: x\n[^3]: y')).toBe('4');
    const text = 'We act *now* together.';
    const at = text.indexOf('now');
    const edit = insertNote(text, at, at + 3, ' Agreed\nin plenary. ');
    expect(shown(edit)).toBe('We act *now*[^1]‹›together.\n\n[^1]: Agreed in plenary.'.replace('[^1]‹›together', '[^1]‹› together'));
    expect(richTextProblems(edit.text)).toEqual([]);
    expect(parseRichText(edit.text).notes).toEqual([{ label: '1', content: [{ kind: 'text', text: 'Agreed in plenary.' }] }]);
  });
});
