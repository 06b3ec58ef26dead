import type { DraftParagraph } from '../../../../shared/outcome';
import { placeParagraphs } from '../../../../shared/paragraphPlaces';

/**
 * Fractional indexes compare as plain strings (code-unit order), never with localeCompare; ties
 * (two laptops picked the same key) break by id, so every laptop shows the same order.
 */
export function byPosition(a: DraftParagraph, b: DraftParagraph): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The document's paragraphs in order, numbered (1, 2, 3…, 5 bis, (a)…) as the core numbers them
 * (shared/paragraphPlaces.ts); done here too so a paragraph added, moved or retyped renumbers the
 * others without a round trip. PPs and OPs are counted apart when the core counted them so.
 */
export function inOrder(paragraphs: readonly DraftParagraph[]): DraftParagraph[] {
  const sorted = [...paragraphs].sort(byPosition);
  const separate = sorted.some((p) => p.place.countedAs !== null);
  const rows = sorted.map((p) => ({ ...p, level: p.level, alternative_of: p.alternativeOf, withdrawn: 0 }));
  const { shown } = placeParagraphs(rows, separate ? 'separate' : 'together');
  const byId = new Map(sorted.map((p) => [p.id, p]));
  return shown.map(({ row, place, level, alternativeOf, inNegotiation }) => {
    const original = byId.get(row.id) ?? row;
    const number = level === 0 && place.suffix === 0 && alternativeOf === null ? place.number : null;
    const same = original.number === number && original.level === level && JSON.stringify(original.place) === JSON.stringify(place) && original.inNegotiation === inNegotiation;
    return same ? original : { ...original, number, level, place, inNegotiation, alternativeOf };
  });
}

/** The list with this paragraph in it (replacing its earlier self, or added where it belongs). */
export function withParagraph(paragraphs: readonly DraftParagraph[], paragraph: DraftParagraph): DraftParagraph[] {
  return inOrder([...paragraphs.filter((p) => p.id !== paragraph.id), paragraph]);
}

export function withoutParagraph(paragraphs: readonly DraftParagraph[], id: string): DraftParagraph[] {
  return inOrder(paragraphs.filter((p) => p.id !== id));
}

/** Where `paragraphs:move` must put a paragraph to take it one step up or down. */
export function moveTarget(paragraphs: readonly DraftParagraph[], id: string, direction: 'up' | 'down') {
  const index = paragraphs.findIndex((p) => p.id === id);
  if (index < 0) return undefined;
  if (direction === 'up') {
    if (index === 0) return undefined;
    return { after: paragraphs[index - 2]?.id ?? null, before: paragraphs[index - 1]?.id ?? null };
  }
  if (index === paragraphs.length - 1) return undefined;
  return { after: paragraphs[index + 1]?.id ?? null, before: paragraphs[index + 2]?.id ?? null };
}
