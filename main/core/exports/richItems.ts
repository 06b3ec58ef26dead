import { NoteNumbers, parseRichText, type NumberedNote, type RichText } from '../../../shared/richText';
import type { OutcomeColumn } from './outcomeModelTypes';

/** A column's paragraphs read as rich text, their notes numbered through the column in order. */
export interface RichColumn {
  /** Per item of the column, in order. */
  items: Array<{ rich: RichText; numbers: ReadonlyMap<string, number> }>;
  /** Every note of the column, numbered 1, 2, 3… */
  notes: NumberedNote[];
}

/**
 * Each column numbers its own notes (one language's text reads 1, 2, 3 whatever the others
 * have), in the order its paragraphs print.
 */
export function richColumn(column: OutcomeColumn): RichColumn {
  const counter = new NoteNumbers();
  const items = column.items.map((item) => {
    const rich = parseRichText(item.text.text);
    return { rich, numbers: counter.numberText(rich, item.text.lang, item.noteLangs) };
  });
  return { items, notes: counter.notes };
}
