import type { Amendment } from '../../../../shared/amendments';

/** What the amendment puts in place: its own text for a replacement or a new paragraph, nothing for a deletion. */
export function amendedText(amendment: Pick<Amendment, 'kind' | 'text'>): string {
  return amendment.kind === 'delete' ? '' : amendment.text;
}

/**
 * The two texts an amendment's diff compares against `base` (the text it was made on, or the
 * current one): a new paragraph is all new words, a deletion takes every word away.
 */
export function amendmentDiff(amendment: Pick<Amendment, 'kind' | 'text'>, base: string): { before: string; after: string } {
  return { before: amendment.kind === 'insert_after' ? '' : base, after: amendedText(amendment) };
}
